/** The route of the scheme preview (监测方案预览): read-only, with schemes:read. */
import * as c from '../../contract/index.js';
import { defineRoute, type ApiRoute } from '../route.js';
import { previewScheme } from './scheme-preview.js';

/** Scheme preview routes, spread into ROUTES by src/api/routes.ts. */
export const SCHEME_PREVIEW_ROUTES: ApiRoute[] = [
  defineRoute({
    method: 'POST',
    url: '/api/v1/schemes/preview',
    access: 'schemes:read',
    tag: 'schemes',
    summary: 'Run a draft scheme against recent items: the count, the newest hits and a random sample',
    body: c.schemePreviewBody,
    response: c.schemePreview,
    handler: (ctx) => previewScheme(ctx, ctx.body),
  }),
];
