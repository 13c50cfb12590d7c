/** A complete Source record for tests of source kinds that never touch storage. */
import { draftSource, type Source } from '../../src/domain/index.js';

/** The scheduling and health fields of a source that has never been fetched (from the domain's draft). */
export function neverFetched(): Omit<
  Source,
  | 'id'
  | 'unitId'
  | 'name'
  | 'kind'
  | 'url'
  | 'platform'
  | 'tier'
  | 'region'
  | 'intervalSeconds'
  | 'enabled'
  | 'config'
  | 'createdAt'
  | 'updatedAt'
> {
  const {
    id: _id,
    unitId: _unitId,
    name: _name,
    kind: _kind,
    url: _url,
    platform: _platform,
    tier: _tier,
    region: _region,
    intervalSeconds: _interval,
    enabled: _enabled,
    config: _config,
    createdAt: _created,
    updatedAt: _updated,
    ...rest
  } = draftSource({ unitId: 'unit', name: 'test', kind: 'feed' }, 0);
  return rest;
}
