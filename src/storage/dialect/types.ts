/** The two database engines Fengxiang runs on. */
export type DialectName = 'sqlite' | 'postgres';
