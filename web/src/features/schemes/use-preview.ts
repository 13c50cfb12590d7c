/**
 * The live preview of a draft: reruns a moment after the expression or target stops changing, keeps only
 * the answer of the latest request, and turns an EXPRESSION_SYNTAX answer into a syntax error with its
 * position (other failures go to `onError`).
 */
import { useEffect, useRef, useState } from 'react';
import { type ApiError, isApiError } from '../../api/client.js';
import type { Api } from '../../api/endpoints.js';
import { schemeApi, type SchemePreview, type SchemeTarget } from './api.js';

/** How long typing must pause before the preview runs. */
export const PREVIEW_DEBOUNCE_MS = 500;

/** A syntax error of the expression: where, and the server's texts. */
export interface SyntaxProblem {
  position: number;
  error: ApiError;
}

/** The preview state of a draft. */
export interface PreviewState {
  preview: SchemePreview | null;
  loading: boolean;
  syntax: SyntaxProblem | null;
}

function syntaxOf(error: unknown): SyntaxProblem | null {
  if (!isApiError(error) || error.code !== 'EXPRESSION_SYNTAX') return null;
  const position = error.details['position'];
  return { position: typeof position === 'number' ? position : 0, error };
}

/** Previews `expression` over the recent items of `unitId` (all in scope when null). */
export function usePreview(
  api: Api,
  draft: { expression: string; target: SchemeTarget; unitId: string | null },
  onError: (error: unknown) => void,
): PreviewState {
  const [state, setState] = useState<PreviewState>({ preview: null, loading: false, syntax: null });
  const latest = useRef(0);
  const { expression, target, unitId } = draft;
  useEffect(() => {
    const request = ++latest.current;
    if (expression.trim() === '') {
      setState({ preview: null, loading: false, syntax: null });
      return;
    }
    setState((current) => ({ ...current, loading: true }));
    const timer = window.setTimeout(() => {
      schemeApi(api)
        .preview({ expression, target, ...(unitId !== null && { unitId }) })
        .then(
          (preview) => {
            if (request === latest.current) setState({ preview, loading: false, syntax: null });
          },
          (error: unknown) => {
            if (request !== latest.current) return;
            const syntax = syntaxOf(error);
            if (!syntax) onError(error);
            setState({ preview: null, loading: false, syntax });
          },
        );
    }, PREVIEW_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [api, expression, target, unitId, onError]);
  return state;
}
