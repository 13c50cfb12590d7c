/**
 * What PostgreSQL's catalog says about `items`: whether it is partitioned, its partitions, the foreign keys
 * that point at it or leave it, its indexes and the columns an INSERT may name. Names are read in the
 * current schema, where the migrations create every table.
 */
import { sql, type Kysely } from 'kysely';

/** A foreign key as PostgreSQL prints it, enough to drop it and add it again unchanged. */
export interface ForeignKeyDefinition {
  /** The table that holds the constraint (quoted when needed). */
  table: string;
  name: string;
  /** `FOREIGN KEY (item_id) REFERENCES items(id) ON DELETE CASCADE` */
  definition: string;
}

/** An index as PostgreSQL prints it, and whether it enforces uniqueness or backs a constraint. */
export interface IndexDefinition {
  name: string;
  definition: string;
  unique: boolean;
  backsConstraint: boolean;
}

/** The table `table`, or null when it does not exist in the current schema. */
function relation(table: string) {
  return sql<string | null>`to_regclass(quote_ident(current_schema()) || '.' || quote_ident(${table}))`;
}

/** True when `table` is a partitioned table (relkind 'p'). */
export async function isPartitioned(db: Kysely<unknown>, table: string): Promise<boolean> {
  const { rows } = await sql<{ kind: string }>`select relkind as kind from pg_class
    where oid = ${relation(table)}`.execute(db);
  return rows[0]?.kind === 'p';
}

/** The names of the partitions of `table`. */
export async function partitionNames(db: Kysely<unknown>, table: string): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select c.relname as name from pg_inherits i
    join pg_class c on c.oid = i.inhrelid where i.inhparent = ${relation(table)} order by c.relname`.execute(
    db,
  );
  return rows.map((row) => row.name);
}

/** The foreign keys of other tables that reference `table` (not the copies PostgreSQL keeps per partition). */
export async function foreignKeysReferencing(
  db: Kysely<unknown>,
  table: string,
): Promise<ForeignKeyDefinition[]> {
  const { rows } =
    await sql<ForeignKeyDefinition>`select conrelid::regclass::text as "table", quote_ident(conname) as name,
      pg_get_constraintdef(oid) as definition
    from pg_constraint where contype = 'f' and conparentid = 0 and confrelid = ${relation(table)}
      and conrelid <> confrelid
    order by 1, 2`.execute(db);
  return rows;
}

/** The foreign keys `table` holds (its references to other tables). */
export async function foreignKeysOf(db: Kysely<unknown>, table: string): Promise<ForeignKeyDefinition[]> {
  const { rows } =
    await sql<ForeignKeyDefinition>`select conrelid::regclass::text as "table", quote_ident(conname) as name,
      pg_get_constraintdef(oid) as definition
    from pg_constraint where contype = 'f' and conparentid = 0 and conrelid = ${relation(table)}
    order by 2`.execute(db);
  return rows;
}

/** Every index of `table` with its CREATE INDEX statement. */
export async function indexesOf(db: Kysely<unknown>, table: string): Promise<IndexDefinition[]> {
  const { rows } =
    await sql<IndexDefinition>`select c.relname as name, pg_get_indexdef(i.indexrelid) as definition,
      i.indisunique as "unique",
      exists (select 1 from pg_constraint k where k.conindid = i.indexrelid and k.conrelid = i.indrelid)
        as "backsConstraint"
    from pg_index i join pg_class c on c.oid = i.indexrelid
    where i.indrelid = ${relation(table)} order by c.relname`.execute(db);
  return rows;
}

/** The columns of `table` an INSERT may name (quoted): every live column but the generated ones, in order. */
export async function insertableColumns(db: Kysely<unknown>, table: string): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select quote_ident(attname) as name from pg_attribute
    where attrelid = ${relation(table)} and attnum > 0 and not attisdropped and attgenerated = ''
    order by attnum`.execute(db);
  return rows.map((row) => row.name);
}
