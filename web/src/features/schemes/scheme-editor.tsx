/**
 * A scheme's editor: the structured form and the expression side by side, kept in step (every form change
 * rebuilds the expression until the expression is edited by hand), the live preview below, and saving.
 * For a saved scheme the preview shows the items it matches now.
 */
import { ArrowLeftOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Col, Row, Space, Spin, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useShowError } from '../../errors.js';
import { useI18n } from '../../i18n/context.js';
import { useSignedIn } from '../../session/context.js';
import { type Scheme, schemeApi, type SchemeWords } from './api.js';
import { compileWords, EMPTY_WORDS } from './compile-words.js';
import { ExpressionPane } from './expression-pane.js';
import { PreviewPanel } from './preview-panel.js';
import { usePreview } from './use-preview.js';
import { type SchemeFields, WordsForm } from './words-form.js';

interface Draft {
  fields: SchemeFields;
  words: SchemeWords;
  expression: string;
  /** True once the expression was edited by hand: form changes no longer rebuild it. */
  manual: boolean;
}

const NEW_DRAFT: Draft = {
  fields: { name: '', description: '', target: 'both', enabled: true },
  words: EMPTY_WORDS,
  expression: '',
  manual: false,
};

function draftOf(scheme: Scheme): Draft {
  const words = scheme.words ?? EMPTY_WORDS;
  return {
    fields: {
      name: scheme.name,
      description: scheme.description ?? '',
      target: scheme.target,
      enabled: scheme.enabled,
    },
    words,
    expression: scheme.expression,
    manual: scheme.words === null || compileWords(words) !== scheme.expression,
  };
}

/** Loads the scheme `id` (or starts a new one) and edits it. */
export function SchemeEditor({ id }: { id: string | null }) {
  const { t } = useI18n();
  const { api, unitId, can } = useSignedIn();
  const { message } = App.useApp();
  const showError = useShowError();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<Draft | null>(id === null ? NEW_DRAFT : null);
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [owner, setOwner] = useState<string | null>(null);
  useEffect(() => {
    if (id === null) return;
    schemeApi(api)
      .get(id)
      .then((scheme) => {
        setDraft(draftOf(scheme));
        setOwner(scheme.unitId);
      }, showError);
  }, [api, id, showError]);
  const onError = useCallback((error: unknown) => showError(error), [showError]);
  const state = usePreview(
    api,
    {
      expression: draft?.expression ?? '',
      target: draft?.fields.target ?? 'both',
      unitId: owner ?? unitId,
    },
    onError,
  );
  if (!draft) return <Spin className="fx-center" />;
  const change = (next: Draft): void => {
    setDraft(next);
    setDirty(true);
  };
  const setWords = (words: SchemeWords): void =>
    change({ ...draft, words, expression: draft.manual ? draft.expression : (compileWords(words) ?? '') });
  const save = async (): Promise<void> => {
    if (draft.fields.name.trim() === '') {
      void message.error(t('login.required', { field: t('schemes.name') }));
      return;
    }
    setSaving(true);
    try {
      const body = {
        name: draft.fields.name.trim(),
        description: draft.fields.description.trim() || null,
        expression: draft.expression,
        words: draft.manual ? null : draft.words,
        target: draft.fields.target,
        enabled: draft.fields.enabled,
      };
      const saved =
        id === null
          ? await schemeApi(api).create({ ...body, ...(unitId !== null && { unitId }) })
          : await schemeApi(api).update(id, body);
      void message.success(t('schemes.saved'));
      setDirty(false);
      if (id === null) navigate(`/schemes/${encodeURIComponent(saved.id)}`);
    } catch (error) {
      showError(error);
    } finally {
      setSaving(false);
    }
  };
  const saved = id !== null && !dirty;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="scheme-editor">
      <div className="fx-page-head">
        <Space wrap>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/schemes')}>
            {t('schemes.back')}
          </Button>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {id === null ? t('schemes.new') : draft.fields.name}
          </Typography.Title>
        </Space>
        {can('schemes:write') && (
          <Button
            type="primary"
            icon={<SaveOutlined />}
            loading={saving}
            disabled={draft.expression.trim() === '' || state.syntax !== null}
            onClick={() => void save()}
            data-testid="scheme-save"
          >
            {t('common.save')}
          </Button>
        )}
      </div>
      <Row gutter={[12, 12]}>
        <Col xs={24} lg={12}>
          <WordsForm
            fields={draft.fields}
            words={draft.words}
            onFields={(fields) => change({ ...draft, fields })}
            onWords={setWords}
          />
        </Col>
        <Col xs={24} lg={12}>
          <ExpressionPane
            expression={draft.expression}
            manual={draft.manual}
            syntax={state.syntax}
            onChange={(expression) => change({ ...draft, expression, manual: true })}
            onRegenerate={() =>
              change({ ...draft, expression: compileWords(draft.words) ?? '', manual: false })
            }
          />
        </Col>
      </Row>
      <PreviewPanel
        title={saved ? t('schemes.matches') : t('schemes.preview')}
        preview={state.preview}
        loading={state.loading}
      />
    </Space>
  );
}
