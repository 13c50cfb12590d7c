/**
 * The channel registry: one driver per kind, built over the process's transports. The dispatcher and the
 * API's "send a test message" look drivers up here; the API validates and masks configuration with it.
 */
import type { ChannelKind } from '../../domain/index.js';
import { AppError } from '../../platform/errors.js';
import type { AlertBus } from '../bus.js';
import { keepMaskedSecrets, maskSecrets, parseConfig } from './config.js';
import { dingtalkDriver } from './dingtalk/index.js';
import { emailDriver } from './email/index.js';
import { feishuDriver } from './feishu/index.js';
import { inappDriver } from './inapp/index.js';
import { slackDriver } from './slack/index.js';
import type { ChannelDriver, HttpPoster, MailTransport, SendContext } from './types.js';
import { webhookDriver } from './webhook/index.js';
import { wecomDriver } from './wecom/index.js';

/** The transports drivers send through. */
export interface ChannelTransports {
  http: HttpPoster;
  /** Null when SMTP is not configured. */
  mail: MailTransport | null;
  bus: AlertBus;
}

/** Validates, masks and sends for every channel kind. */
export interface ChannelRegistry {
  /** The validated configuration (defaults filled); CHANNEL_CONFIG_INVALID with the path otherwise. */
  validate(kind: ChannelKind, config: unknown): Record<string, unknown>;
  /** The configuration as the API shows it, secrets masked. */
  mask(kind: ChannelKind, config: Record<string, unknown>): Record<string, unknown>;
  /** A changed configuration where masked secrets sent back keep their stored value. */
  merge(
    kind: ChannelKind,
    next: Record<string, unknown>,
    previous: Record<string, unknown>,
  ): Record<string, unknown>;
  /** Sends through the kind's driver; throws DELIVERY_FAILED / CHANNEL_CONFIG_INVALID or a transport error. */
  send(kind: ChannelKind, config: Record<string, unknown>, context: SendContext): Promise<void>;
}

type Drivers = { [K in ChannelKind]: ChannelDriver<never> };

function driversOver(transports: ChannelTransports): Drivers {
  // Each driver's config type differs; the registry only ever passes a config its own schema produced.
  const erase = <C>(driver: ChannelDriver<C>): ChannelDriver<never> => driver as ChannelDriver<never>;
  return {
    inapp: erase(inappDriver(transports.bus)),
    email: erase(emailDriver(transports.mail)),
    webhook: erase(webhookDriver(transports.http)),
    wecom: erase(wecomDriver(transports.http)),
    dingtalk: erase(dingtalkDriver(transports.http)),
    feishu: erase(feishuDriver(transports.http)),
    slack: erase(slackDriver(transports.http)),
  };
}

/** Builds the registry over the given transports. */
export function createChannelRegistry(transports: ChannelTransports): ChannelRegistry {
  const drivers = driversOver(transports);
  const driverOf = (kind: ChannelKind): ChannelDriver<never> => {
    const driver = drivers[kind] as ChannelDriver<never> | undefined;
    if (!driver)
      throw new AppError('CHANNEL_CONFIG_INVALID', `unknown channel kind ${kind}`, { kind, path: 'kind' });
    return driver;
  };
  const validate = (kind: ChannelKind, config: unknown): Record<string, unknown> =>
    parseConfig(kind, driverOf(kind).schema, config) as Record<string, unknown>;
  return {
    validate,
    mask: (kind, config) => maskSecrets(config, driverOf(kind).secretFields),
    merge: (kind, next, previous) => keepMaskedSecrets(next, previous, driverOf(kind).secretFields),
    async send(kind, config, context) {
      const driver = driverOf(kind);
      const parsed = parseConfig(kind, driver.schema, config);
      await driver.send(parsed as never, context);
    },
  };
}
