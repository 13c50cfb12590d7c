/**
 * The unit tree over a materialised path: a root's path is `/<id>/`, a child's is `<parent path><id>/`,
 * so a subtree is one prefix match and moving a unit rewrites the paths below it in one statement.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Unit } from '../../domain/index.js';
import type { Clock } from '../../platform/clock.js';
import { AppError } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { isForeignKeyViolation } from '../constraint-errors.js';
import type { Scope, UnitRepository } from '../repositories.js';
import type { Database, UnitsTable } from '../schema.js';
import { whereInScope } from '../scope.js';
import { atomically } from '../transactions.js';

type UnitRow = Selectable<UnitsTable>;

function toUnit(row: UnitRow): Unit {
  return {
    id: row.id,
    parentId: row.parentId,
    name: row.name,
    code: row.code,
    path: row.path,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** The path of unit `id` placed below `parentPath` (or at the root when null). */
function pathOf(id: string, parentPath: string | null): string {
  return `${parentPath ?? '/'}${id}/`;
}

/** Units in SQLite or PostgreSQL through Kysely. */
export class KyselyUnitRepository implements UnitRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  async create(input: { name: string; parentId: string | null; code?: string | null }): Promise<Unit> {
    const now = this.clock.now();
    const id = newId(now);
    const parent = input.parentId === null ? null : await this.require(this.db, input.parentId);
    const row: UnitRow = {
      id,
      parentId: input.parentId,
      name: input.name,
      code: input.code ?? null,
      path: pathOf(id, parent?.path ?? null),
      createdAt: now,
      updatedAt: now,
    };
    await this.db.insertInto('units').values(row).execute();
    return toUnit(row);
  }

  async get(id: string, scope?: Scope): Promise<Unit | null> {
    const query = this.db.selectFrom('units').selectAll().where('id', '=', id);
    const row = await whereInScope(query, scope, 'id').executeTakeFirst();
    return row ? toUnit(row) : null;
  }

  async list(scope: Scope): Promise<Unit[]> {
    const query = this.db.selectFrom('units').selectAll().orderBy('path');
    const rows = await whereInScope(query, scope, 'id').execute();
    return rows.map(toUnit);
  }

  async subtreeIds(id: string): Promise<string[]> {
    const unit = await this.require(this.db, id);
    const rows = await this.db
      .selectFrom('units')
      .select('id')
      .where('path', 'like', `${unit.path}%`)
      .orderBy('path')
      .execute();
    return rows.map((row) => row.id);
  }

  async update(
    id: string,
    patch: { name?: string; code?: string | null; parentId?: string | null },
  ): Promise<Unit> {
    return atomically(this.db, async (db) => {
      const unit = await this.require(db, id);
      const moves = patch.parentId !== undefined && patch.parentId !== unit.parentId;
      if (moves) await this.moveSubtree(db, unit, patch.parentId ?? null);
      await db
        .updateTable('units')
        .set({
          ...(patch.name !== undefined && { name: patch.name }),
          ...(patch.code !== undefined && { code: patch.code }),
          ...(moves && { parentId: patch.parentId ?? null }),
          updatedAt: this.clock.now(),
        })
        .where('id', '=', id)
        .execute();
      return toUnit(await this.require(db, id));
    });
  }

  async delete(id: string): Promise<void> {
    await atomically(this.db, async (db) => {
      await this.require(db, id);
      if ((await this.hasChildren(db, id)) || (await this.hasUsers(db, id))) {
        throw new AppError('UNIT_HAS_CHILDREN', `unit ${id} still has child units or users`, { id });
      }
      try {
        await db.deleteFrom('units').where('id', '=', id).execute();
      } catch (error) {
        if (!isForeignKeyViolation(error)) throw error;
        throw new AppError('CONFLICT', `unit ${id} still owns records (sources, schemes or items)`, { id });
      }
    });
  }

  /** Gives `unit` and everything below it the paths of their new place under `parentId`. */
  private async moveSubtree(db: Kysely<Database>, unit: Unit, parentId: string | null): Promise<void> {
    const parent = parentId === null ? null : await this.require(db, parentId);
    if (parent !== null && parent.path.startsWith(unit.path)) {
      throw new AppError('UNIT_CYCLE', `unit ${unit.id} cannot move below itself`, {
        id: unit.id,
        parentId,
      });
    }
    const newPath = pathOf(unit.id, parent?.path ?? null);
    await db
      .updateTable('units')
      .set({ path: sql<string>`cast(${newPath} as text) || substr(path, ${unit.path.length + 1})` })
      .where('path', 'like', `${unit.path}%`)
      .execute();
  }

  private async require(db: Kysely<Database>, id: string): Promise<Unit> {
    const row = await db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new AppError('NOT_FOUND', `unit ${id} does not exist`, { id, entity: 'unit' });
    return toUnit(row);
  }

  private async hasChildren(db: Kysely<Database>, id: string): Promise<boolean> {
    const row = await db
      .selectFrom('units')
      .select('id')
      .where('parentId', '=', id)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  private async hasUsers(db: Kysely<Database>, id: string): Promise<boolean> {
    const row = await db
      .selectFrom('users')
      .select('id')
      .where('unitId', '=', id)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }
}
