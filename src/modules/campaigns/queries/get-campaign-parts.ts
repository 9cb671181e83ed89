import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { pageRows, rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { ownerVisibility } from '../../identity/index.ts';
import { campaignAssetType } from '../asset-types.ts';
import type { TouchpointKind } from '../schema.ts';
import { loadRateBook } from './rate-book.ts';

/** A campaign's spend entries, newest first, each with its amount in the reporting currency at its day's rate. */
export async function getCampaignSpend(ctx: Ctx, campaignId: string) {
  const [list, book] = await Promise.all([
    rows<{ id: string; campaign_id: string; spent_on: string; amount: string | number; currency: string; note: string | null }>(
      ctx.db,
      sql`select id, campaign_id, spent_on::text as spent_on, amount, currency, note from campaign_spend
          where workspace_id = ${ctx.workspaceId} and campaign_id = ${campaignId} order by spent_on desc, id desc limit 5000`,
    ),
    loadRateBook(ctx),
  ]);
  return list.map((r) => ({
    id: r.id,
    campaignId: r.campaign_id,
    spentOn: r.spent_on,
    amount: Number(r.amount),
    currency: r.currency,
    note: r.note,
    converted: book.convert(Number(r.amount), r.currency, r.spent_on),
  }));
}

/** The links built for a campaign, newest first. */
export async function getCampaignLinks(ctx: Ctx, campaignId: string) {
  const list = await rows<Record<string, string | null>>(
    ctx.db,
    sql`select id, campaign_id, base_url, source, medium, content, term, url, created_at::text as created_at from campaign_links
        where workspace_id = ${ctx.workspaceId} and campaign_id = ${campaignId} order by created_at desc, id desc limit 1000`,
  );
  return list.map((r) => ({
    id: r.id!,
    campaignId: r.campaign_id!,
    baseUrl: r.base_url!,
    source: r.source!,
    medium: r.medium!,
    content: r.content ?? null,
    term: r.term ?? null,
    url: r.url!,
    createdAt: new Date(r.created_at!),
  }));
}

/** The assets linked to a campaign, named by the module that registered their type (when it is installed). */
export async function getCampaignAssets(ctx: Ctx, campaignId: string) {
  const list = await rows<{ asset_type: string; asset_id: string; created_at: string }>(
    ctx.db,
    sql`select asset_type, asset_id, created_at::text as created_at from campaign_assets
        where workspace_id = ${ctx.workspaceId} and campaign_id = ${campaignId} order by created_at`,
  );
  const names = new Map<string, { label: string; url?: string | null }>();
  for (const type of new Set(list.map((r) => r.asset_type))) {
    const def = campaignAssetType(type);
    if (!def?.describe) continue;
    const found = await def.describe(
      ctx.db,
      ctx.workspaceId,
      list.filter((r) => r.asset_type === type).map((r) => r.asset_id),
    );
    for (const [id, d] of found) names.set(`${type}:${id}`, d);
  }
  return list.map((r) => {
    const d = names.get(`${r.asset_type}:${r.asset_id}`);
    return {
      assetType: r.asset_type,
      assetId: r.asset_id,
      label: d?.label ?? null,
      url: d?.url ?? null,
      createdAt: new Date(r.created_at),
    };
  });
}

const cursorOf = (at: string, id: string) => Buffer.from(JSON.stringify([at, id])).toString('base64url');
function parseCursor(raw: string): [string, string] {
  try {
    const [at, id] = JSON.parse(Buffer.from(raw, 'base64url').toString()) as [string, string];
    if (typeof at === 'string' && /^[0-9a-f-]{36}$/.test(id)) return [at, id];
  } catch {}
  throw new AppError('validation_failed', 'The cursor is not one this list gave out; start again without it.', {
    path: ['querystring', 'cursor'],
  });
}

/** A campaign's touchpoints, newest first, keyset-paged; reps see the touchpoints of contacts they may see. */
export async function getCampaignTouchpoints(ctx: Ctx, campaignId: string, q: { cursor?: string; limit: number }) {
  const after = q.cursor ? parseCursor(q.cursor) : null;
  const list = await pageRows<{
    id: string;
    contact_id: string;
    name: string | null;
    kind: TouchpointKind;
    at: string;
    note: string | null;
  }>(
    ctx.db,
    sql`select t.id, t.contact_id, c.display_name as name, t.kind, t.occurred_at::text as at, t.note
        from campaign_touchpoints t
        join contacts c on c.workspace_id = t.workspace_id and c.id = t.contact_id
        where t.workspace_id = ${ctx.workspaceId} and t.campaign_id = ${campaignId} and ${ownerVisibility(ctx, sql`c.owner_id`)}
          ${after ? sql`and (t.occurred_at, t.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)` : sql``}
        order by t.occurred_at desc, t.id desc limit ${q.limit + 1}`,
  );
  const page = list.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      id: r.id,
      campaignId,
      contactId: r.contact_id,
      contactName: r.name,
      kind: r.kind,
      occurredAt: new Date(r.at),
      note: r.note,
    })),
    nextCursor: list.length > q.limit && last ? cursorOf(last.at, last.id) : null,
  };
}
