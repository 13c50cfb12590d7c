/** The page of an area that is not built yet: says so plainly and leads back to the overview. */
import { AuditOutlined } from '@ant-design/icons';
import { Button, Result } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../i18n/context.js';
import type { Area } from './areas.js';

/** "建设中 / coming soon" for `area`. */
export function ComingSoon({ area }: { area: Area }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result
      icon={<AuditOutlined />}
      title={t('soon.title')}
      subTitle={t('soon.text', { area: t(area.label) })}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('soon.back')}
        </Button>
      }
    />
  );
}
