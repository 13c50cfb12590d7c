/** The `key_accounts` table as Kysely sees it (migration 0007). */

/** `key_accounts` — key accounts (重点账号); `platform` is '' for every platform, `nameKey` the normal name. */
export interface KeyAccountsTable {
  id: string;
  unitId: string;
  platform: string;
  name: string;
  nameKey: string;
  tier: string | null;
  weight: number;
  note: string | null;
  createdAt: number;
  updatedAt: number;
}
