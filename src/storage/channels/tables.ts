/** The tables of channels, the duty roster and alert contacts (migration 0006) as Kysely sees them. */

/** `channels`. `config` is JSON text; booleans are 0/1. */
export interface ChannelsTable {
  id: string;
  unitId: string;
  kind: string;
  name: string;
  enabled: number;
  minLevel: string;
  coverSubunits: number;
  config: string;
  createdAt: number;
  updatedAt: number;
}

/** `duty_roster`. `levels` is a JSON list or null (all levels). */
export interface DutyRosterTable {
  id: string;
  unitId: string;
  userId: string;
  startsAt: number;
  endsAt: number;
  levels: string | null;
  note: string | null;
  createdAt: number;
}

/** `alert_contacts`: the address alerts reach a user at. */
export interface AlertContactsTable {
  userId: string;
  email: string | null;
  updatedAt: number;
}
