/**
 * The routes of evidence (取证): capture, list, show, the stored page and screenshot, package export and
 * verification. Access is checked per record type inside the handlers (incident evidence with incidents:*,
 * clue evidence with clues:*), so the routes only require a signed-in caller.
 */
import { z } from 'zod';
import * as c from '../../contract/index.js';
import { defineRoute, type ApiRoute } from '../route.js';
import * as evidence from './evidence.js';

const url = (path: string): string => `/api/v1${path}`;

/** Every evidence route. */
export const EVIDENCE_ROUTES: ApiRoute[] = [
  defineRoute({
    method: 'POST',
    url: url('/evidence'),
    access: 'authenticated',
    tag: 'evidence',
    summary:
      'Capture an item’s page, text and hashes for an incident (incidents:write) or clue (clues:write)',
    status: 201,
    body: c.captureEvidenceBody,
    response: c.evidenceDetail,
    handler: (ctx) => evidence.createEvidence(ctx, ctx.body),
  }),
  defineRoute({
    method: 'GET',
    url: url('/evidence'),
    access: 'authenticated',
    tag: 'evidence',
    summary: 'Evidence captures in scope of the record types the caller may read, newest first',
    querystring: c.evidenceListQuery,
    response: c.evidencePage,
    handler: (ctx) => evidence.listEvidence(ctx, ctx.query),
  }),
  defineRoute({
    method: 'POST',
    url: url('/evidence/package'),
    access: 'authenticated',
    tag: 'evidence',
    summary: 'Export captures as a ZIP package with manifest.json of SHA-256 hashes (audited)',
    body: c.evidencePackageBody,
    response: z.unknown().describe('application/zip'),
    handler: (ctx) => evidence.exportEvidencePackage(ctx, ctx.body),
  }),
  defineRoute({
    method: 'POST',
    url: url('/evidence/verify'),
    access: 'authenticated',
    tag: 'evidence',
    summary: 'Verify the hashes of an evidence package (base64 ZIP)',
    body: c.verifyEvidenceBody,
    response: c.evidenceVerification,
    handler: (ctx) => evidence.verifyEvidence(ctx, ctx.body),
  }),
  defineRoute({
    method: 'GET',
    url: url('/evidence/:id'),
    access: 'authenticated',
    tag: 'evidence',
    summary: 'One capture with its extracted page text',
    params: c.idParams,
    response: c.evidenceDetail,
    handler: (ctx) => evidence.getEvidence(ctx, ctx.params.id),
  }),
  defineRoute({
    method: 'GET',
    url: url('/evidence/:id/page'),
    access: 'authenticated',
    tag: 'evidence',
    summary: 'The stored raw page as captured (sandboxed), its SHA-256 in x-evidence-sha256',
    params: c.idParams,
    response: z.unknown().describe('The page bytes with the captured content type'),
    handler: (ctx) => evidence.getEvidenceFile(ctx, ctx.params.id, 'raw'),
  }),
  defineRoute({
    method: 'GET',
    url: url('/evidence/:id/screenshot'),
    access: 'authenticated',
    tag: 'evidence',
    summary: 'The screenshot (PNG) of a capture, its SHA-256 in x-evidence-sha256',
    params: c.idParams,
    response: z.unknown().describe('image/png'),
    handler: (ctx) => evidence.getEvidenceFile(ctx, ctx.params.id, 'screenshot'),
  }),
];
