/**
 * The transitions of a publication, from the actions its state allows and the caller's permissions
 * (sign-off and rejection need `publications:sign`, the rest `publications:write`). Rejecting and withdrawing
 * ask for a reason, publishing for the URL it went online at.
 */
import { Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n/context.js';
import { useSignedIn } from '../../session/context.js';
import {
  type Publication,
  type PublicationAction,
  type PublicationTransition,
  publicationApi,
} from './api.js';
import { useRunner } from './case-kit.js';

const ORDER: readonly PublicationTransition[] = [
  'start_draft',
  'submit',
  'sign_off',
  'publish',
  'reject',
  'withdraw',
];
const NEEDS_SIGN: readonly PublicationAction[] = ['sign_off', 'reject'];
const ASKS: Partial<Record<PublicationTransition, 'reason' | 'url'>> = {
  reject: 'reason',
  withdraw: 'reason',
  publish: 'url',
};

/** The transitions `publication` allows to a caller with permission check `can`. */
export function allowedTransitions(
  publication: Pick<Publication, 'actions'>,
  can: (permission: string) => boolean,
): PublicationTransition[] {
  return ORDER.filter(
    (action) =>
      publication.actions.includes(action) &&
      can(NEEDS_SIGN.includes(action) ? 'publications:sign' : 'publications:write'),
  );
}

/** The action bar of a publication. */
export function PublicationActions({
  publication,
  onChange,
}: {
  publication: Publication;
  onChange: (next: Publication) => void;
}) {
  const { t } = useI18n();
  const { api, can } = useSignedIn();
  const { busy, run } = useRunner();
  const [dialog, setDialog] = useState<PublicationTransition | null>(null);
  const [form] = Form.useForm<{ value: string }>();
  const pubs = publicationApi(api.http);
  const go = (action: PublicationTransition, body: Record<string, string> = {}) =>
    run(() => pubs.transition(publication.id, action, body), onChange);
  const asked = dialog ? ASKS[dialog] : undefined;
  return (
    <Space wrap style={{ margin: '4px 0 8px' }} data-testid="publication-actions">
      {allowedTransitions(publication, can).map((action) => (
        <Button
          key={action}
          data-testid={`publication-action-${action}`}
          type={action === 'reject' || action === 'withdraw' ? 'default' : 'primary'}
          danger={action === 'reject' || action === 'withdraw'}
          loading={busy}
          onClick={() => {
            if (ASKS[action] === undefined) void go(action);
            else {
              form.resetFields();
              setDialog(action);
            }
          }}
        >
          {t(`pubs.action.${action}`)}
        </Button>
      ))}
      <Modal
        open={dialog !== null}
        title={dialog ? t(`pubs.action.${dialog}`) : ''}
        confirmLoading={busy}
        onCancel={() => setDialog(null)}
        onOk={() =>
          void form.validateFields().then(
            (values) =>
              dialog &&
              void go(dialog, asked === 'url' ? { url: values.value } : { reason: values.value }).then(
                (ok) => ok && setDialog(null),
              ),
            () => undefined,
          )
        }
        forceRender
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="value"
            label={asked === 'url' ? t('pubs.url') : t('cases.reason')}
            rules={[
              { required: true, whitespace: true },
              ...(asked === 'url' ? [{ type: 'url' as const }] : []),
            ]}
          >
            {asked === 'url' ? <Input placeholder="https://" /> : <Input.TextArea rows={3} />}
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
