import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace, rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { ownerVisibility } from '../../identity/index.ts';
import { deals } from '../schema.ts';
import { type Deal, type DealRow, rottingSql, toDeal } from './deal-shape.ts';

export interface DealContact {
  contactId: string;
  role: string | null;
  displayName: string;
  email: string | null;
}

export interface DealDetail extends Deal {
  contacts: DealContact[];
  stage: { id: string; name: string; type: string; probability: number };
  pipelineName: string;
  rotting: boolean;
  /** Seconds in the current stage so far. */
  secondsInStage: number;
}

const notFound = (id: string) =>
  new AppError('deal_not_found', `No deal with id ${id} in this workspace (or not one you can see).`, { id });

/** The deal row, locked for the rest of the transaction; 404 when missing, deleted or not visible to the caller. */
export async function loadDealForUpdate(ctx: Ctx, id: string): Promise<DealRow> {
  const [row] = await ctx.db
    .select()
    .from(deals)
    .where(inWorkspace(deals.workspaceId, ctx, eq(deals.id, id), isNull(deals.deletedAt), ownerVisibility(ctx, sql`${deals.ownerId}`)))
    .for('update');
  if (!row) throw notFound(id);
  return row;
}

/** The people on a deal with their roles. */
export async function getDealContacts(ctx: Ctx, dealId: string): Promise<DealContact[]> {
  return rows<DealContact>(
    ctx.db,
    sql`select dc.contact_id as "contactId", dc.role, c.display_name as "displayName", c.email
        from deal_contacts dc join contacts c on c.id = dc.contact_id and c.workspace_id = dc.workspace_id and c.deleted_at is null
        where dc.workspace_id = ${ctx.workspaceId} and dc.deal_id = ${dealId} order by dc.created_at, c.display_name`,
  );
}

/** A deal with its contacts, stage, rotting flag and time in stage; 404 deal_not_found when the caller cannot see it. */
export async function getDeal(ctx: Ctx, id: string): Promise<DealDetail> {
  const [row] = await ctx.db
    .select()
    .from(deals)
    .where(
      and(inWorkspace(deals.workspaceId, ctx, eq(deals.id, id), isNull(deals.deletedAt)), ownerVisibility(ctx, sql`${deals.ownerId}`)),
    );
  if (!row) throw notFound(id);
  const [extra] = await rows<{
    stage_name: string;
    type: string;
    probability: number;
    pipeline_name: string;
    rotting: boolean;
    secs: number;
  }>(
    ctx.db,
    sql`select s.name as stage_name, s.type, s.probability, p.name as pipeline_name, ${rottingSql} as rotting,
               extract(epoch from now() - d.stage_entered_at)::float8 as secs
        from deals d join pipeline_stages s on s.id = d.stage_id and s.workspace_id = d.workspace_id
        join pipelines p on p.id = d.pipeline_id and p.workspace_id = d.workspace_id
        where d.workspace_id = ${ctx.workspaceId} and d.id = ${id}`,
  );
  return {
    ...toDeal(row),
    contacts: await getDealContacts(ctx, id),
    stage: { id: row.stageId, name: extra!.stage_name, type: extra!.type, probability: extra!.probability },
    pipelineName: extra!.pipeline_name,
    rotting: extra!.rotting,
    secondsInStage: Math.max(0, Math.round(extra!.secs)),
  };
}
