/** The in-app channel: hands the alert to the process's alert bus, which the console's SSE stream follows. */
import { z } from 'zod';
import type { AlertBus } from '../../bus.js';
import type { ChannelDriver } from '../types.js';

const schema = z.strictObject({});

/** The in-app driver over `bus`. */
export function inappDriver(bus: AlertBus): ChannelDriver<z.output<typeof schema>> {
  return {
    kind: 'inapp',
    schema,
    secretFields: [],
    async send(_config, context) {
      bus.publish({ alert: context.alert, deliveryId: context.deliveryId });
    },
  };
}
