export const roles = ['admin', 'marketing', 'sales_manager', 'sales_rep', 'viewer'] as const;
export type Role = (typeof roles)[number];

export interface PermissionDef {
  /** read permissions are allowed to read-scoped API keys. */
  kind: 'read' | 'write';
  roles: readonly Role[];
  description: string;
}

const everyone = roles;
const permissions = new Map<string, PermissionDef>(
  Object.entries({
    'workspace:read': { kind: 'read', roles: everyone, description: 'See workspace settings' },
    'workspace:manage': { kind: 'write', roles: ['admin'], description: 'Change workspace settings' },
    'users:read': { kind: 'read', roles: everyone, description: 'See the members of the workspace' },
    'users:manage': { kind: 'write', roles: ['admin'], description: 'Invite, change and remove members' },
    'api_keys:manage': { kind: 'write', roles: ['admin'], description: 'Create and revoke API keys' },
    'webhooks:read': { kind: 'read', roles: ['admin'], description: 'See webhook subscriptions and deliveries' },
    'webhooks:manage': { kind: 'write', roles: ['admin'], description: 'Create, change and re-send webhooks' },
    'audit:read': { kind: 'read', roles: ['admin'], description: 'Read the audit log' },
    'jobs:read': { kind: 'read', roles: ['admin'], description: 'See background jobs' },
    'jobs:manage': { kind: 'write', roles: ['admin'], description: 'Retry and cancel background jobs' },
    'self:read': { kind: 'read', roles: everyone, description: 'Read one’s own profile' },
    'self:write': { kind: 'write', roles: everyone, description: 'Change one’s own profile and password' },
  } satisfies Record<string, PermissionDef>),
);

/** Modules declare the permissions their routes need. */
export function registerPermissions(defs: Record<string, PermissionDef>) {
  for (const [name, def] of Object.entries(defs)) permissions.set(name, def);
  granted.clear();
}

const granted = new Map<string, string[]>();
/** Every permission a role holds (read-only when the key scope is `read`), memoized. */
export function permissionsOf(role: Role, keyScope?: 'read' | 'write'): string[] {
  const k = `${role}:${keyScope ?? ''}`;
  const known = granted.get(k);
  if (known) return known;
  const list = [...permissions.keys()].filter((name) => can(role, name, keyScope));
  granted.set(k, list);
  return list;
}

export const permission = (name: string) => permissions.get(name);
export const allPermissions = () => Object.fromEntries(permissions);

/** Whether a role, optionally limited by an API key's scope, holds a permission. */
export function can(role: Role, name: string, keyScope?: 'read' | 'write'): boolean {
  const def = permissions.get(name);
  if (!def) return false;
  if (keyScope === 'read' && def.kind !== 'read') return false;
  return def.roles.includes(role);
}
