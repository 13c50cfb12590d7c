/** The expression editor: free editing, the form-sync note, and a syntax error shown at its position. */
import { Alert, Button, Card, Input, Typography } from 'antd';
import { useI18n } from '../../i18n/context.js';
import type { SyntaxProblem } from './use-preview.js';

/** The expression with the character at the error marked (or a mark after its end). */
function CaretLine({ expression, position }: { expression: string; position: number }) {
  const at = Math.max(0, Math.min(position, expression.length));
  const char = [...expression.slice(at)][0];
  return (
    <div className="fx-caret-line fx-expression" data-testid="syntax-caret">
      {expression.slice(0, at)}
      <span className="fx-caret-at">{char ?? '␣'}</span>
      {char !== undefined && expression.slice(at + char.length)}
    </div>
  );
}

/** The right-hand pane of the editor. */
export function ExpressionPane({
  expression,
  manual,
  syntax,
  onChange,
  onRegenerate,
}: {
  expression: string;
  manual: boolean;
  syntax: SyntaxProblem | null;
  onChange: (expression: string) => void;
  onRegenerate: () => void;
}) {
  const { t, language } = useI18n();
  return (
    <Card size="small" title={t('schemes.expression')} className="fx-panel">
      <Input.TextArea
        className="fx-expression"
        data-testid="scheme-expression"
        value={expression}
        status={syntax ? 'error' : undefined}
        autoSize={{ minRows: 4, maxRows: 12 }}
        placeholder={t('schemes.expression.empty')}
        onChange={(event) => onChange(event.target.value)}
      />
      <Typography.Paragraph type="secondary" style={{ margin: '6px 0 0', fontSize: 12 }}>
        {t('schemes.expression.hint')}
      </Typography.Paragraph>
      {manual && (
        <Alert
          style={{ marginTop: 8 }}
          type="info"
          showIcon
          title={t('schemes.expression.manual')}
          action={
            <Button size="small" onClick={onRegenerate}>
              {t('schemes.expression.regenerate')}
            </Button>
          }
        />
      )}
      {syntax && (
        <div data-testid="syntax-error" role="alert">
          <CaretLine expression={expression} position={syntax.position} />
          <Typography.Text type="danger">
            {t('schemes.syntax', { position: syntax.position + 1, message: syntax.error.text(language) })}
          </Typography.Text>
        </div>
      )}
    </Card>
  );
}
