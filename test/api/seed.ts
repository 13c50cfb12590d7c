/** Records the API tests start from, written through the auth service functions the CLI uses too. */
import { createFirstAdmin, createToken, createUser } from '../../src/auth/index.js';
import type { Role, Unit, User } from '../../src/domain/index.js';
import type { TestServer } from './harness.js';

/** The password every seeded user has. */
export const PASSWORD = 'correct horse battery';

/** The first administrator and the root unit. */
export async function seedRoot(server: TestServer): Promise<{ unit: Unit; user: User }> {
  return createFirstAdmin(server.storage, server.clock, {
    username: 'root',
    password: PASSWORD,
    unitName: '市委网信办',
  });
}

/** A user of `unitId` with `roles` and {@link PASSWORD}. */
export async function seedUser(
  server: TestServer,
  unitId: string,
  username: string,
  roles: Role[],
): Promise<User> {
  return createUser(
    server.storage,
    server.clock,
    { userId: null, ip: null },
    { unitId, username, password: PASSWORD, roles },
  );
}

/** An API token secret for `user`. */
export async function seedToken(
  server: TestServer,
  user: User,
  name = 'test',
): Promise<{ id: string; secret: string }> {
  const created = await createToken(server.storage, server.clock, { userId: null, ip: null }, { user, name });
  return { id: created.token.id, secret: created.secret };
}
