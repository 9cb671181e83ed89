import { type SQL, sql } from 'drizzle-orm';
import { type Executor, rows } from '../../../kernel/db/index.ts';
import type { EntityType } from '../../activities/index.ts';
import { isLeadSql } from '../queries/match-rules.ts';

/** A record gone quiet: no activity since `since`, owned by `ownerId`. */
export interface StaleRecord {
  entityId: string;
  ownerId: string;
  /** Shown in the follow-up task title: "Follow up: <title>". */
  title: string;
  since: Date;
}

/**
 * The extension point of the daily follow-up run. Leads are built in; the deals module registers
 * `{ entityType: 'deal', label: 'deals', findStale }` (open deals by last activity) from its index.ts.
 * `findStale` returns at most `limit` records quiet since before `cutoff` that have no follow-up for
 * this quiet spell yet: use `notFollowedUp` in its WHERE so batches make progress.
 */
export interface FollowUpSource {
  entityType: EntityType;
  /** Plural noun for the digest ("leads", "deals"). */
  label: string;
  findStale(exec: Executor, workspaceId: string, cutoff: Date, limit: number): Promise<StaleRecord[]>;
}

const sources = new Map<string, FollowUpSource>();

/** Adds (or replaces, by entity type) a source of records that need follow-ups. */
export function registerFollowUpSource(source: FollowUpSource) {
  sources.set(source.entityType, source);
}

export const followUpSources = () => [...sources.values()];

/**
 * SQL: the record has no follow-up for the quiet spell that started at `since`, and no open task
 * (someone already plans to act on it).
 */
export function notFollowedUp(entityType: EntityType, workspaceId: SQL, id: SQL, since: SQL): SQL {
  return sql`not exists (select 1 from follow_ups f where f.workspace_id = ${workspaceId} and f.entity_type = ${entityType}
               and f.entity_id = ${id} and f.since = ${since})
             and not exists (select 1 from tasks t where t.workspace_id = ${workspaceId} and t.entity_type = ${entityType}
               and t.entity_id = ${id} and t.status = 'open')`;
}

/** Leads with an owner and no activity (or, never touched, no activity since creation) before the cutoff. */
export const leadFollowUps: FollowUpSource = {
  entityType: 'contact',
  label: 'leads',
  async findStale(exec, workspaceId, cutoff, limit) {
    const since = sql`coalesce(c.last_activity_at, c.created_at)`;
    const found = await rows<{ id: string; owner_id: string; display_name: string; since: Date | string }>(
      exec,
      sql`select c.id, c.owner_id, c.display_name, ${since} as since from contacts c
          where c.workspace_id = ${workspaceId} and c.deleted_at is null and c.owner_id is not null and ${isLeadSql}
            and coalesce(c.lead_status, 'new') not in ('qualified', 'unqualified')
            and ${since} < ${cutoff.toISOString()}
            and ${notFollowedUp('contact', sql`c.workspace_id`, sql`c.id`, since)}
          order by c.id limit ${limit}`,
    );
    return found.map((r) => ({ entityId: r.id, ownerId: r.owner_id, title: r.display_name, since: new Date(r.since) }));
  },
};

registerFollowUpSource(leadFollowUps);
