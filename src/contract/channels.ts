/**
 * Alert channels, the duty roster, alert contacts and delivery status (issue 5 §6). Channel
 * configuration is kind-specific JSON checked by the server (CHANNEL_CONFIG_INVALID names the path);
 * secrets in answers are masked, and sending a masked value back keeps the stored secret.
 */
import { z } from 'zod';
import { ALERT_LEVELS, CHANNEL_KINDS, DELIVERY_STATES } from '../domain/index.js';
import { timeInput, timestamp } from './common.js';

/** A channel as the API shows it (secrets masked). */
export const channel = z
  .object({
    id: z.string(),
    unitId: z.string(),
    kind: z.enum(CHANNEL_KINDS),
    name: z.string(),
    enabled: z.boolean(),
    minLevel: z.enum(ALERT_LEVELS).describe('The least severe level the channel receives'),
    coverSubunits: z.boolean().describe('Also receives alerts of the units below its own'),
    config: z.record(z.string(), z.unknown()),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: 'Channel' });

/** GET /channels. */
export const channelList = z.object({ items: z.array(channel) });

const channelFields = {
  name: z.string().trim().min(1).max(200),
  enabled: z.boolean().optional(),
  minLevel: z.enum(ALERT_LEVELS).optional(),
  coverSubunits: z.boolean().optional(),
  config: z
    .record(z.string(), z.unknown())
    .default({})
    .describe(
      'inapp: {}; email: {to, roles, onDuty, subjectPrefix}; webhook: {url, secret?, headers?}; ' +
        'wecom/slack: {url}; dingtalk/feishu: {url, secret?}',
    ),
};

/** POST /channels. */
export const createChannelBody = z.strictObject({
  unitId: z.string().min(1).optional(),
  kind: z.enum(CHANNEL_KINDS),
  ...channelFields,
});

/** PATCH /channels/:id (the kind never changes). */
export const updateChannelBody = z.strictObject(channelFields).partial();

/** POST /channels/:id/test. */
export const channelTestResult = z.object({
  ok: z.boolean(),
  error: z.string().nullable(),
  errorCode: z.string().nullable(),
});

/** One delivery of an alert to a channel. */
export const delivery = z
  .object({
    id: z.string(),
    alertId: z.string(),
    channelId: z.string(),
    channelName: z.string().nullable(),
    channelKind: z.enum(CHANNEL_KINDS).nullable(),
    recipient: z.string().nullable(),
    revision: z.number().int(),
    state: z.enum(DELIVERY_STATES),
    attempts: z.number().int(),
    nextAttemptAt: timestamp.nullable(),
    lastError: z.string().nullable(),
    sentAt: timestamp.nullable(),
    createdAt: timestamp,
  })
  .meta({ id: 'AlertDelivery' });

/** GET /alerts/:id/deliveries. */
export const deliveryList = z.object({ items: z.array(delivery) });

/** A duty shift (值班). */
export const dutyShift = z
  .object({
    id: z.string(),
    unitId: z.string(),
    userId: z.string(),
    startsAt: timestamp,
    endsAt: timestamp,
    levels: z.array(z.enum(ALERT_LEVELS)).nullable(),
    note: z.string().nullable(),
    createdAt: timestamp,
  })
  .meta({ id: 'DutyShift' });

/** GET /duty-shifts. */
export const dutyShiftList = z.object({ items: z.array(dutyShift) });

/** GET /duty-shifts query: shifts overlapping [from, to). */
export const dutyShiftQuery = z.object({ from: timeInput, to: timeInput });

/** POST /duty-shifts. */
export const createDutyShiftBody = z
  .strictObject({
    unitId: z.string().min(1).optional(),
    userId: z.string().min(1),
    startsAt: timeInput,
    endsAt: timeInput,
    levels: z.array(z.enum(ALERT_LEVELS)).min(1).nullable().optional(),
    note: z.string().max(500).nullable().optional(),
  })
  .refine((body) => body.endsAt > body.startsAt, {
    message: 'endsAt must be after startsAt',
    path: ['endsAt'],
  });

/** PUT /users/:id/alert-contact. */
export const alertContactBody = z.strictObject({ email: z.email().nullable() });
