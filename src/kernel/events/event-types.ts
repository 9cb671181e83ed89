import { AppError } from '../errors.ts';

export interface EventTypeInfo {
  /** `entity.verb`, e.g. `contact.created`. */
  type: string;
  description: string;
}

const known = new Map<string, EventTypeInfo>();
const typePattern = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;

/** Declares event types a module emits, so webhook subscribers can pick them (GET /api/events/types). */
export function registerEventTypes(types: (string | EventTypeInfo)[]) {
  for (const t of types) {
    const info = typeof t === 'string' ? { type: t, description: '' } : t;
    if (!typePattern.test(info.type)) throw new Error(`Event type "${info.type}" must look like entity.verb (lower case)`);
    known.set(info.type, info);
  }
}

/** Every registered event type, sorted by name. */
export const knownEventTypes = (): EventTypeInfo[] => [...known.values()].sort((a, b) => a.type.localeCompare(b.type));

/** The patterns that select `type`: `*`, the type itself, and each `prefix.*` above it. */
export function patternsFor(type: string): string[] {
  const parts = type.split('.');
  const prefixes = parts.slice(0, -1).map((_, i) => `${parts.slice(0, i + 1).join('.')}.*`);
  return ['*', type, ...prefixes];
}

/** Whether a subscription's list (`*`, exact types, `prefix.*`) selects an event type. */
export const matchesEventType = (patterns: readonly string[], type: string) => patternsFor(type).some((p) => patterns.includes(p));

/**
 * Checks a subscription's event types: each is `*`, a registered type, or `prefix.*` covering at
 * least one registered type. Returns them without duplicates.
 */
export function checkEventTypes(types: readonly string[], path: (string | number)[]): string[] {
  if (types.length === 0) throw new AppError('validation_failed', 'Pick at least one event type, or "*" for all events.', { path });
  types.forEach((t, i) => {
    const ok = t === '*' || known.has(t) || (t.endsWith('.*') && [...known.keys()].some((k) => k.startsWith(t.slice(0, -1))));
    if (!ok)
      throw new AppError(
        'validation_failed',
        `Unknown event type "${t}". GET /api/events/types lists them; use "*" for all events or "member.*" for a group.`,
        { path: [...path, i] },
      );
  });
  return [...new Set(types)];
}

registerEventTypes([
  { type: 'workspace.updated', description: 'The workspace name, time zone, currency or settings changed' },
  { type: 'member.joined', description: 'Someone accepted an invite and joined the workspace' },
  { type: 'member.role_changed', description: 'A member’s role changed' },
  { type: 'member.removed', description: 'A member was removed from the workspace' },
  { type: 'invite.created', description: 'An invite was sent' },
  { type: 'invite.revoked', description: 'An invite was withdrawn' },
  { type: 'api_key.created', description: 'An API key was created' },
  { type: 'api_key.revoked', description: 'An API key was revoked' },
  { type: 'webhook.test', description: 'A test ping, sent only to the webhook it was requested for' },
]);
