/** What the bulletin service needs: storage, the clock and the zone composed texts show times in. */
import type { Clock } from '../../platform/clock.js';
import type { Storage } from '../../storage/repositories.js';

/** The bulletin service's dependencies. */
export interface BulletinDeps {
  storage: Storage;
  clock: Clock;
  /** The zone of times in composed bodies (TIME_ZONE); Asia/Shanghai when absent. */
  timeZone?: string;
}

export type { CaseActor, StorageTx } from '../publications/deps.js';
