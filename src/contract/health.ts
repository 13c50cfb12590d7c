/** Liveness and readiness answers. */
import { z } from 'zod';

/** GET /healthz and GET /readyz. */
export const healthResponse = z.object({ status: z.enum(['ok', 'unavailable']) });
