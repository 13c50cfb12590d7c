/**
 * A form field holding a JSON object (a source's config, a channel's config, an alert rule): a monospaced text
 * area whose syntax is checked in the browser, so a typo is named before the server checks the content.
 */
import { Form, Input } from 'antd';
import { useI18n } from '../../i18n/context.js';
import { MONO, parseJsonObject } from './shared.js';

/** The field `name` of the surrounding form, with its label, help and height in rows. */
export function JsonObjectField({
  name,
  label,
  extra,
  minRows,
  maxRows,
}: {
  name: string;
  label: string;
  extra: string;
  minRows: number;
  maxRows: number;
}) {
  const { t } = useI18n();
  return (
    <Form.Item
      name={name}
      label={label}
      extra={extra}
      rules={[
        {
          validator: async (_, value: string | undefined) => {
            const parsed = parseJsonObject(value);
            if (parsed instanceof Error)
              throw new Error(t('sources.jsonInvalid', { reason: parsed.message }));
          },
        },
      ]}
    >
      <Input.TextArea autoSize={{ minRows, maxRows }} spellCheck={false} style={MONO} />
    </Form.Item>
  );
}
