/** The login page: username and password against POST /api/v1/session; errors in the chosen language. */
import { LockOutlined, TranslationOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { errorText } from '../../errors.js';
import { useI18n } from '../../i18n/context.js';
import { useSession } from '../../session/context.js';

interface LoginForm {
  username: string;
  password: string;
}

/** The sign-in card. */
export function LoginPage() {
  const { t, language, setLanguage } = useI18n();
  const { login } = useSession();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (values: LoginForm): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await login(values.username, values.password);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="fx-login">
      <Card className="fx-login-card">
        <div className="fx-login-head">
          <span className="fx-brand-mark">风</span>
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('app.name')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
          </div>
        </div>
        {error !== null && (
          <Alert type="error" showIcon title={errorText(error, language)} style={{ marginBottom: 16 }} />
        )}
        <Form<LoginForm> layout="vertical" onFinish={(values) => void submit(values)} requiredMark={false}>
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, message: t('login.required', { field: t('login.username') }) }]}
          >
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.required', { field: t('login.password') }) }]}
          >
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('login.submit')}
          </Button>
        </Form>
        <Button
          type="link"
          icon={<TranslationOutlined />}
          onClick={() => setLanguage(language === 'zh' ? 'en' : 'zh')}
          style={{ marginTop: 8, paddingLeft: 0 }}
        >
          {t('shell.language')}
        </Button>
      </Card>
    </div>
  );
}
