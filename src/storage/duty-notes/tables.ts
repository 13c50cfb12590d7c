/** `duty_handovers` and `key_period_duty` (migration 0012). `openMatters` is a JSON list. */
export interface DutyHandoversTable {
  id: string;
  unitId: string;
  shiftId: string | null;
  fromUserId: string;
  toUserId: string;
  handedOverAt: number;
  notes: string;
  openMatters: string;
  createdBy: string | null;
  createdAt: number;
}

/** `key_period_duty` — the duty one key period requires; booleans are 0/1. */
export interface KeyPeriodDutyTable {
  keyPeriodId: string;
  unitId: string;
  roundTheClock: number;
  minOnDuty: number;
  updatedBy: string | null;
  updatedAt: number;
}
