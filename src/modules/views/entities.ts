import { sql } from 'drizzle-orm';
import { can } from '../../kernel/auth/index.ts';
import type { Ctx } from '../../kernel/context.ts';
import { rows } from '../../kernel/db/index.ts';
import { AppError } from '../../kernel/errors.ts';
import type { FieldRegistry } from '../../kernel/filters/index.ts';
import { companyAlias, companyFields } from '../companies/index.ts';
import { contactAlias, contactFields } from '../contacts/index.ts';

export const entityTypes = ['contact', 'company'] as const;
export type EntityType = (typeof entityTypes)[number];

/** What views and bulk actions need to know about a record type. */
export interface EntitySpec {
  type: EntityType;
  /** Table name and the alias its field registry's SQL uses. */
  table: 'contacts' | 'companies';
  alias: string;
  /** Plural label for messages and URLs. */
  plural: string;
  registry(ctx: Ctx): Promise<FieldRegistry>;
  read: string;
  write: string;
  delete: string;
}

export const entities: Record<EntityType, EntitySpec> = {
  contact: {
    type: 'contact',
    table: 'contacts',
    alias: contactAlias,
    plural: 'contacts',
    registry: contactFields,
    read: 'contacts:read',
    write: 'contacts:write',
    delete: 'contacts:delete',
  },
  company: {
    type: 'company',
    table: 'companies',
    alias: companyAlias,
    plural: 'companies',
    registry: companyFields,
    read: 'companies:read',
    write: 'companies:write',
    delete: 'companies:delete',
  },
};

/** Refuses the actor unless its role (and API key scope) holds the permission. */
export function requirePermission(ctx: Ctx, name: string) {
  if (!can(ctx.actor.role, name, ctx.actor.keyScope))
    throw new AppError('forbidden', `Not allowed: your role (${ctx.actor.role}) does not include ${name}.`, { permission: name });
}

/** The workspace's time zone (relative dates in filters are computed in it). */
export async function workspaceTimeZone(ctx: Ctx): Promise<string> {
  const [ws] = await rows<{ timezone: string }>(ctx.db, sql`select timezone from workspaces where id = ${ctx.workspaceId}`);
  return ws?.timezone ?? 'UTC';
}

/** The user an actor acts for (API keys act for the member who created them, when known). */
export const actorUserId = (ctx: Ctx) => ctx.actor.userId ?? null;
