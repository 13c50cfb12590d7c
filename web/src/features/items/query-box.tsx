/**
 * The search box: the expression, the syntax help, and a syntax error shown in place — the expression
 * again with a caret under the character the server pointed at.
 */
import { Alert, Input, Typography } from 'antd';
import { useI18n } from '../../i18n/context.js';

/** A syntax error of the expression: the server's text and the character it points at. */
export interface SyntaxProblem {
  message: string;
  expression: string;
  position: number | null;
}

function Caret({ problem }: { problem: SyntaxProblem }) {
  const { t } = useI18n();
  const position = problem.position;
  return (
    <div data-testid="items-syntax-error">
      <div>{problem.message}</div>
      {position !== null && (
        <>
          <pre className="fx-syntax">
            <span>{problem.expression.slice(0, position)}</span>
            <span className="fx-syntax-bad">{problem.expression.slice(position, position + 1) || ' '}</span>
            <span>{problem.expression.slice(position + 1)}</span>
            {'\n'}
            <span className="fx-syntax-caret" data-testid="items-syntax-caret">
              {`${' '.repeat(position)}^`}
            </span>
          </pre>
          <Typography.Text type="secondary">
            {t('items.syntax.at', { position: position + 1 })}
          </Typography.Text>
        </>
      )}
    </div>
  );
}

/** The expression input with its help line and the error of the last search. */
export function QueryBox({
  value,
  onChange,
  onSearch,
  problem,
  loading,
}: {
  value: string;
  onChange: (value: string) => void;
  onSearch: () => void;
  problem: SyntaxProblem | null;
  loading: boolean;
}) {
  const { t } = useI18n();
  return (
    <div className="fx-query">
      <Input.Search
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onSearch={onSearch}
        placeholder={t('items.search.placeholder')}
        enterButton={t('items.search.button')}
        allowClear
        loading={loading}
        status={problem ? 'error' : undefined}
        data-testid="items-query"
        className="fx-query-input"
      />
      <Typography.Text type="secondary" className="fx-query-help">
        {t('items.search.help')}
      </Typography.Text>
      {problem && (
        <Alert
          type="error"
          showIcon
          title={t('items.syntax.title')}
          description={<Caret problem={problem} />}
        />
      )}
    </div>
  );
}
