import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import type { RecordLink } from './activity-input.ts';

type Path = (string | number)[];

/** Which of `ids` exist (and are not deleted) in the workspace. */
export type ExistingIds = (exec: Executor, workspaceId: string, ids: string[]) => Promise<Set<string>>;

const idList = (ids: string[]): SQL =>
  sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );

/** Existence checks on another module's table: reads may join across modules in SQL (docs/ARCHITECTURE.md). */
const inTable =
  (table: 'contacts' | 'companies'): ExistingIds =>
  async (exec, workspaceId, ids) => {
    const found = await rows<{ id: string }>(
      exec,
      sql`select id from ${sql.identifier(table)} where workspace_id = ${workspaceId} and id in (${idList(ids)}) and deleted_at is null`,
    );
    return new Set(found.map((r) => r.id));
  };

const recordTypes = new Map<string, ExistingIds>([
  ['contact', inTable('contacts')],
  ['company', inTable('companies')],
]);

/** Keeps a module's own last-activity column in step: `touch` moves it forward to `iso`, `refresh` recomputes it where it equals `iso`. */
export interface LastActivityHooks {
  touch(exec: Executor, workspaceId: string, ids: string[], iso: string): Promise<void>;
  refresh(exec: Executor, workspaceId: string, ids: string[], iso: string): Promise<void>;
}
const activityHooks = new Map<string, LastActivityHooks>();

/** Lets a module make its records linkable (the sales module registers `deal`), optionally with last-activity upkeep. */
export function registerLinkableRecord(entityType: string, existing: ExistingIds, hooks?: LastActivityHooks) {
  recordTypes.set(entityType, existing);
  if (hooks) activityHooks.set(entityType, hooks);
}

async function runHooks(exec: Executor, workspaceId: string, links: RecordLink[], iso: string, kind: keyof LastActivityHooks) {
  for (const [type, hooks] of activityHooks) {
    const ids = links.filter((l) => l.entityType === type).map((l) => l.entityId);
    if (ids.length) await hooks[kind](exec, workspaceId, ids, iso);
  }
}

/** Throws record_not_found (404) with the path of the first link whose record is not in the caller's workspace. */
export async function assertRecordsExist(exec: Executor, workspaceId: string, links: RecordLink[], pathOf: (index: number) => Path) {
  const byType = new Map<string, string[]>();
  for (const l of links) byType.set(l.entityType, [...(byType.get(l.entityType) ?? []), l.entityId]);
  const found = new Set<string>();
  for (const [type, ids] of byType) {
    const existing = recordTypes.get(type);
    if (existing) for (const id of await existing(exec, workspaceId, [...new Set(ids)])) found.add(`${type}:${id}`);
  }
  const i = links.findIndex((l) => !found.has(`${l.entityType}:${l.entityId}`));
  if (i < 0) return;
  const l = links[i]!;
  throw new AppError(
    'record_not_found',
    `No ${l.entityType} with id ${l.entityId} in this workspace. Check the id (it may have been deleted).`,
    {
      path: pathOf(i),
      entityType: l.entityType,
      entityId: l.entityId,
    },
  );
}

const idsOf = (links: RecordLink[], type: string) => links.filter((l) => l.entityType === type).map((l) => l.entityId);

/**
 * Moves contacts.last_activity_at (and the companies': linked directly, or the primary company of a
 * linked contact) forward to `at` where it is older. Row locks make concurrent loggers agree.
 */
export async function touchLastActivity(exec: Executor, workspaceId: string, links: RecordLink[], at: Date) {
  const contactIds = idsOf(links, 'contact');
  const companyIds = idsOf(links, 'company');
  const iso = at.toISOString();
  await runHooks(exec, workspaceId, links, iso, 'touch');
  if (contactIds.length)
    await exec.execute(sql`update contacts set last_activity_at = ${iso} where workspace_id = ${workspaceId} and id in (${idList(contactIds)})
      and (last_activity_at is null or last_activity_at < ${iso})`);
  if (!contactIds.length && !companyIds.length) return;
  const viaContacts = contactIds.length
    ? sql`select company_id from contacts where workspace_id = ${workspaceId} and id in (${idList(contactIds)}) and company_id is not null`
    : sql`select null::uuid where false`;
  const direct = companyIds.length ? idList(companyIds) : sql`null`;
  await exec.execute(sql`update companies set last_activity_at = ${iso} where workspace_id = ${workspaceId}
    and (id in (${direct}) or id in (${viaContacts})) and (last_activity_at is null or last_activity_at < ${iso})`);
}

/**
 * After an activity moved back in time, lost links or was deleted: records whose last activity time
 * came from it (equal to `previousAt`) fall back to their latest remaining activity. Other records keep
 * theirs, so times set by other sources (sent emails) are not lost.
 */
export async function refreshLastActivity(exec: Executor, workspaceId: string, links: RecordLink[], previousAt: Date) {
  const contactIds = idsOf(links, 'contact');
  const companyIds = idsOf(links, 'company');
  const iso = previousAt.toISOString();
  await runHooks(exec, workspaceId, links, iso, 'refresh');
  if (contactIds.length)
    await exec.execute(sql`update contacts c set last_activity_at = (
        select max(l.occurred_at) from activity_links l where l.workspace_id = c.workspace_id and l.entity_type = 'contact' and l.entity_id = c.id)
      where c.workspace_id = ${workspaceId} and c.id in (${idList(contactIds)}) and c.last_activity_at = ${iso}`);
  if (!contactIds.length && !companyIds.length) return;
  const viaContacts = contactIds.length
    ? sql`select company_id from contacts where workspace_id = ${workspaceId} and id in (${idList(contactIds)}) and company_id is not null`
    : sql`select null::uuid where false`;
  const direct = companyIds.length ? idList(companyIds) : sql`null`;
  await exec.execute(sql`update companies co set last_activity_at = greatest(
        (select max(l.occurred_at) from activity_links l where l.workspace_id = co.workspace_id and l.entity_type = 'company' and l.entity_id = co.id),
        (select max(c.last_activity_at) from contacts c where c.workspace_id = co.workspace_id and c.company_id = co.id and c.deleted_at is null))
      where co.workspace_id = ${workspaceId} and (co.id in (${direct}) or co.id in (${viaContacts})) and co.last_activity_at = ${iso}`);
}

/** Throws record_not_found unless the record is in the caller's workspace. */
export async function assertRecordExists(ctx: { db: Executor; workspaceId: string }, entityType: string, entityId: string, path: Path) {
  await assertRecordsExist(ctx.db, ctx.workspaceId, [{ entityType: entityType as RecordLink['entityType'], entityId }], () => path);
}
