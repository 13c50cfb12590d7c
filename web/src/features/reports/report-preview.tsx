/**
 * The report as the server renders it to HTML, shown in a sandboxed iframe (no scripts, no same-origin
 * access). The HTML is fetched and given as `srcdoc`, because the file endpoint answers as a download.
 */
import { Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useShowError } from '../../errors.js';
import { useSignedIn } from '../../session/context.js';

/** The preview of report `id`; `version` reloads it after a change. */
export function ReportPreview({ id, version }: { id: string; version: string }) {
  const { api } = useSignedIn();
  const showError = useShowError();
  const [html, setHtml] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    setHtml(null);
    api.reportHtml(id).then(
      (text) => current && setHtml(text),
      (error: unknown) => current && showError(error),
    );
    return () => {
      current = false;
    };
  }, [api, id, version, showError]);
  if (html === null) return <Spin className="fx-center" />;
  return (
    <iframe
      title="report-preview"
      className="fx-report-frame"
      sandbox=""
      referrerPolicy="no-referrer"
      srcDoc={html}
      data-testid="report-preview"
    />
  );
}
