/** The roles of a public-opinion office (DESIGN.md §1). A user may hold several. */
export const ROLES = ['admin', 'monitor', 'handler', 'leader', 'viewer'] as const;

/** One of {@link ROLES}. */
export type Role = (typeof ROLES)[number];

/** Every permission a route can require; roles grant sets of them. */
export const PERMISSIONS = [
  'units:read',
  'units:write',
  'users:read',
  'users:write',
  'tokens:write',
  'sources:read',
  'sources:write',
  'sources:admin',
  'items:read',
  'items:annotate',
  'schemes:read',
  'schemes:write',
  'audit:read',
  'events:read',
  'events:write',
  'accounts:write',
  'alerts:read',
  'alerts:handle',
  'alerts:admin',
  'incidents:read',
  'incidents:write',
  'plans:write',
  'clues:read',
  'clues:write',
  'appeals:read',
  'appeals:write',
  'publications:read',
  'publications:write',
  'publications:sign',
  'bulletins:read',
  'bulletins:write',
  'duty:write',
  'calendar:write',
  'reports:read',
  'reports:write',
  'reports:review',
  'reports:admin',
] as const;

/** One of {@link PERMISSIONS}. */
export type Permission = (typeof PERMISSIONS)[number];

const READ_ALL: Permission[] = [
  'units:read',
  'sources:read',
  'items:read',
  'schemes:read',
  'events:read',
  'alerts:read',
  'incidents:read',
  'appeals:read',
  'publications:read',
  'bulletins:read',
  'reports:read',
];

/**
 * What each role may do. Admins manage their unit subtree; monitors tune sources, schemes and alert rules;
 * handlers work incidents, clues, appeals and drafts; leaders sign off publications and see clues; viewers
 * read items, schemes and events, never clues (confidential: named roles only). Kept as data so the console
 * can show it.
 */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  admin: [...PERMISSIONS],
  monitor: [
    ...READ_ALL,
    'items:annotate',
    'sources:write',
    'schemes:write',
    'tokens:write',
    'users:read',
    'events:write',
    'accounts:write',
    'alerts:handle',
    'alerts:admin',
    'incidents:write',
    'bulletins:write',
    'duty:write',
    'reports:write',
    'reports:admin',
  ],
  handler: [
    ...READ_ALL,
    'tokens:write',
    'users:read',
    'alerts:handle',
    'incidents:write',
    'clues:read',
    'clues:write',
    'appeals:write',
    'publications:write',
    'bulletins:write',
    'reports:write',
  ],
  leader: [
    ...READ_ALL,
    'users:read',
    'audit:read',
    'alerts:handle',
    'incidents:write',
    'clues:read',
    'publications:sign',
    'bulletins:write',
    'reports:review',
  ],
  viewer: ['units:read', 'items:read', 'schemes:read', 'events:read'],
};

/** The union of the permissions granted by `roles`. */
export function permissionsOf(roles: readonly Role[]): ReadonlySet<Permission> {
  return new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role]));
}
