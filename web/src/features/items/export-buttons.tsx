/** Export of the whole search as CSV or Excel, with the rows and bytes received shown while it downloads. */
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Space, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useShowError } from '../../errors.js';
import { useI18n } from '../../i18n/context.js';
import { useItemsApi } from './api.js';
import { type DownloadProgress, downloadWithProgress, saveFile } from './download.js';
import type { ItemFilterState } from './query.js';

const FORMATS = ['csv', 'xlsx'] as const;

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The export buttons for the search `state`. */
export function ExportButtons({ state }: { state: ItemFilterState }) {
  const { t } = useI18n();
  const api = useItemsApi();
  const { message } = App.useApp();
  const showError = useShowError();
  const [progress, setProgress] = useState<DownloadProgress | null>(null);
  const run = async (format: (typeof FORMATS)[number]): Promise<void> => {
    setProgress({ bytes: 0, rows: format === 'csv' ? 0 : null, limit: null });
    try {
      const file = await downloadWithProgress(api.exportUrl(state, format), format, setProgress);
      saveFile(file);
      void message.success(
        file.rows === null ? t('items.export.done') : t('items.export.doneRows', { rows: file.rows }),
      );
    } catch (error) {
      showError(error);
    } finally {
      setProgress(null);
    }
  };
  return (
    <Space wrap>
      {FORMATS.map((format) => (
        <Button
          key={format}
          icon={<DownloadOutlined />}
          onClick={() => void run(format)}
          disabled={progress !== null}
          data-testid={`items-export-${format}`}
        >
          {t(format === 'csv' ? 'items.export.csv' : 'items.export.xlsx')}
        </Button>
      ))}
      {progress !== null && (
        <Space data-testid="items-export-progress">
          <Spin size="small" />
          <Typography.Text type="secondary">
            {progress.rows === null
              ? t('items.export.progressBytes', { size: size(progress.bytes) })
              : t('items.export.progressRows', { rows: progress.rows, size: size(progress.bytes) })}
          </Typography.Text>
          {progress.limit !== null && (
            <Typography.Text type="secondary">
              {t('items.export.limit', { limit: progress.limit })}
            </Typography.Text>
          )}
        </Space>
      )}
    </Space>
  );
}
