import type { EntityType } from './entities.ts';
import type { ViewDefinition } from './view-definition.ts';

/** A view as the API returns it; built-in ones have ids like `builtin:contact:mine` and no owner. */
export interface View {
  id: string;
  entityType: EntityType;
  name: string;
  ownerId: string | null;
  shared: boolean;
  builtIn: boolean;
  definition: ViewDefinition;
  createdAt: Date | null;
  updatedAt: Date | null;
}

const builtin = (entityType: EntityType, key: string, name: string, definition: ViewDefinition): View => ({
  id: `builtin:${entityType}:${key}`,
  entityType,
  name,
  ownerId: null,
  shared: true,
  builtIn: true,
  definition,
  createdAt: null,
  updatedAt: null,
});

/**
 * The default views every member gets, computed per request (not stored, so they follow code changes
 * and "My …" is always the caller's own records).
 */
export function builtinViews(entityType: EntityType, userId: string | null): View[] {
  const label = entityType === 'contact' ? 'contacts' : 'companies';
  const newest = [{ field: 'created_at', dir: 'desc' as const }];
  return [
    builtin(entityType, 'all', `All ${label}`, entityType === 'contact' ? { sort: newest } : { sort: [{ field: 'name', dir: 'asc' }] }),
    builtin(entityType, 'mine', `My ${label}`, {
      // No user (a system actor) owns nothing: a filter that matches no row.
      filter: userId ? { field: 'owner_id', op: 'eq', value: userId } : { or: [] },
      sort: newest,
    }),
    builtin(entityType, 'new_this_week', 'New this week', {
      filter: { field: 'created_at', op: 'in_last', value: { n: 7, unit: 'day' } },
      sort: newest,
    }),
  ];
}
