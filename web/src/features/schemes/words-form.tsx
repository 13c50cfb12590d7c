/** The structured form of a scheme: name, target, enabled and the five word groups (as tags). */
import { Card, Form, Input, Select, Switch, Typography } from 'antd';
import { useI18n } from '../../i18n/context.js';
import type { SchemeTarget, SchemeWords } from './api.js';

/** The fields of the form besides the words. */
export interface SchemeFields {
  name: string;
  description: string;
  target: SchemeTarget;
  enabled: boolean;
}

const GROUPS = ['regions', 'subjects', 'people', 'events', 'excludes'] as const;
const TARGETS: readonly SchemeTarget[] = ['both', 'title', 'content'];

/** The left-hand pane of the editor. */
export function WordsForm({
  fields,
  words,
  onFields,
  onWords,
}: {
  fields: SchemeFields;
  words: SchemeWords;
  onFields: (fields: SchemeFields) => void;
  onWords: (words: SchemeWords) => void;
}) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('schemes.form')} className="fx-panel">
      <Form layout="vertical" requiredMark={false}>
        <Form.Item label={t('schemes.name')} required>
          <Input
            data-testid="scheme-name"
            value={fields.name}
            maxLength={200}
            onChange={(event) => onFields({ ...fields, name: event.target.value })}
          />
        </Form.Item>
        {GROUPS.map((group) => (
          <Form.Item key={group} label={t(`schemes.words.${group}`)} style={{ marginBottom: 12 }}>
            <Select
              mode="tags"
              data-testid={`words-${group}`}
              value={words[group]}
              open={false}
              suffixIcon={null}
              tokenSeparators={[',', '，', '、']}
              onChange={(next: string[]) => onWords({ ...words, [group]: next })}
            />
          </Form.Item>
        ))}
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('schemes.words.hint')}
        </Typography.Paragraph>
        <Form.Item label={t('schemes.target')}>
          <Select
            data-testid="scheme-target"
            value={fields.target}
            options={TARGETS.map((value) => ({ value, label: t(`schemes.target.${value}`) }))}
            onChange={(target: SchemeTarget) => onFields({ ...fields, target })}
          />
        </Form.Item>
        <Form.Item label={t('schemes.description')}>
          <Input.TextArea
            value={fields.description}
            autoSize={{ minRows: 2, maxRows: 5 }}
            maxLength={2000}
            onChange={(event) => onFields({ ...fields, description: event.target.value })}
          />
        </Form.Item>
        <Form.Item label={t('schemes.enabled')} style={{ marginBottom: 0 }}>
          <Switch checked={fields.enabled} onChange={(enabled) => onFields({ ...fields, enabled })} />
        </Form.Item>
      </Form>
    </Card>
  );
}
