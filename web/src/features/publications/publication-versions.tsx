/** The versions of a publication's text and the sentence-by-sentence difference between two of them. */
import { Empty, Select, Space, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useShowError } from '../../errors.js';
import { useI18n } from '../../i18n/context.js';
import { useSignedIn } from '../../session/context.js';
import { type Publication, type PublicationDiff, publicationApi } from './api.js';

const PART_STYLES = {
  equal: {},
  insert: { background: '#d9f7be', textDecoration: 'none' },
  delete: { background: '#ffccc7', textDecoration: 'line-through' },
} as const;

function DiffView({ diff }: { diff: PublicationDiff }) {
  const { t } = useI18n();
  return (
    <div data-testid="publication-diff">
      {diff.title.changed && (
        <Typography.Paragraph>
          <Typography.Text type="secondary">{t('pubs.title')}: </Typography.Text>
          <span style={PART_STYLES.delete}>{diff.title.before}</span> →{' '}
          <span style={PART_STYLES.insert}>{diff.title.after}</span>
        </Typography.Paragraph>
      )}
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
        {diff.parts.map((part, index) => (
          <span key={index} style={PART_STYLES[part.op]} data-op={part.op}>
            {part.text}
          </span>
        ))}
      </Typography.Paragraph>
    </div>
  );
}

/** Two version pickers and the difference between them (the latest against the one before, at first). */
export function PublicationVersions({ publication }: { publication: Publication }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const showError = useShowError();
  const latest = publication.version;
  const [from, setFrom] = useState(Math.max(1, latest - 1));
  const [to, setTo] = useState(latest);
  const [diff, setDiff] = useState<PublicationDiff | null>(null);
  useEffect(() => {
    if (latest < 2) return;
    setDiff(null);
    publicationApi(api.http).diff(publication.id, from, to).then(setDiff, showError);
  }, [api, publication.id, from, to, latest, showError]);
  if (latest < 2) return <Empty description={t('pubs.oneVersion')} />;
  const options = Array.from({ length: latest }, (_, n) => ({ value: n + 1, label: `v${n + 1}` }));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select value={from} onChange={setFrom} options={options} style={{ width: 90 }} />
        →
        <Select value={to} onChange={setTo} options={options} style={{ width: 90 }} />
      </Space>
      {diff === null ? <Spin /> : <DiffView diff={diff} />}
    </Space>
  );
}
