import { sql } from 'drizzle-orm';
import { type Database, newId, rows } from '../../../kernel/db/index.ts';
import { createRandom } from '../../contacts/index.ts';
import { type ContactEventInput, recordContactEvents } from '../../engagement/index.ts';
import { campaignLinks, campaignSpend, campaigns } from '../schema.ts';
import { deriveTouchpoints } from '../use-cases/derive-touchpoints.ts';
import { buildUtmUrl } from '../utm.ts';
import { type DemoCampaign, demoCampaigns } from './demo-campaigns.ts';

export { demoCampaignSlugs } from './demo-campaigns.ts';

const DAY = 86_400_000;
const day = (t: number) => new Date(t).toISOString().slice(0, 10);
const running = (c: DemoCampaign, t: number) => c.weight > 0 && c.start <= t && (c.end === null || t <= c.end + DAY);

const MONTH = 30.4 * DAY;

/** Months of spend a campaign has had by now: from its start to its end or today. */
function monthsRunning(c: { start: number; end: number | null }, now: number): number {
  return Math.max(1, Math.round((Math.min(c.end ?? now, now) - c.start) / MONTH));
}

/**
 * Campaigns over the demo's two years with monthly spend, goals and tracked links, and the behaviour they caused:
 * campaign visits, submissions, clicks and attendance in the behaviour log (before the contacts became leads and
 * between their later stages), deals that name their source campaign, and the touchpoints derived from them.
 * Run after the sales demo. Bulk inserts without audit entries or events, like the other demo seeders.
 */
export async function seedCampaignsDemo(p: { database: Database }, workspaceId: string, adminId: string, opts: { now?: number } = {}) {
  const db = p.database.db;
  const now = opts.now ?? Date.now();
  const rand = createRandom(20_250_601);
  const list = demoCampaigns(now);
  const ids = new Map<string, string>();
  const rows_: (typeof campaigns.$inferInsert)[] = list.map((c) => {
    const id = newId();
    ids.set(c.slug, id);
    const status = c.start > now ? 'planned' : c.end !== null && c.end < now ? 'completed' : 'active';
    return {
      id,
      workspaceId,
      name: c.name,
      slug: c.slug,
      channel: c.channel,
      status,
      ownerId: adminId,
      startDate: day(c.start),
      endDate: c.end === null ? null : day(c.end),
      // An always-on campaign's budget is yearly: its total is a year's budget for each year it has been running.
      budgetAmount: c.end === null ? c.budget * 100 * Math.max(1, Math.ceil(monthsRunning(c, now) / 12)) : c.budget * 100,
      budgetCurrency: c.currency,
      goals: c.goals.revenue ? c.goals : { ...c.goals },
      description: `Demo ${c.channel.replace('_', ' ')} campaign.`,
      createdAt: new Date(Math.min(c.start, now) - 14 * DAY),
    };
  });
  await db.insert(campaigns).values(rows_);

  // Monthly spend while running (always-on campaigns spread a yearly budget), in the campaign's currency.
  const spend: (typeof campaignSpend.$inferInsert)[] = [];
  for (const c of list) {
    if (c.budget === 0 || c.start > now) continue;
    const months = monthsRunning(c, now);
    const planned = c.end === null ? 12 : Math.max(1, Math.round((c.end - c.start) / MONTH));
    const monthly = (c.budget * 100) / planned;
    // Most months come in a little under plan (78-108 %), so most campaigns end near, not over, budget.
    for (let i = 0; i < months; i++)
      spend.push({
        workspaceId,
        campaignId: ids.get(c.slug)!,
        spentOn: day(Math.min(c.start + i * MONTH + 27 * DAY, now)),
        amount: Math.round(monthly * (0.78 + rand.next() * 0.3)),
        currency: c.currency,
        note: rand.pick(['Invoice', 'Agency fee', 'Media', 'Platform', null]),
      });
  }
  for (let i = 0; i < spend.length; i += 500) await db.insert(campaignSpend).values(spend.slice(i, i + 500));

  await db.insert(campaignLinks).values(
    list.flatMap((c) =>
      c.links.map(([baseUrl, source, medium]) => ({
        workspaceId,
        campaignId: ids.get(c.slug)!,
        baseUrl,
        source,
        medium,
        url: buildUtmUrl({ baseUrl, source, medium, campaign: c.slug }),
        createdBy: adminId,
        createdAt: new Date(Math.min(c.start, now)),
      })),
    ),
  );

  // Behaviour: a campaign touch shortly before most contacts became known, and a few later ones.
  const contacts = await rows<{ id: string; created: string; last: string | null }>(
    db,
    sql`select c.id, c.created_at::text as created,
          (select max(d.closed_at)::text from deal_contacts dc join deals d on d.workspace_id = dc.workspace_id and d.id = dc.deal_id
            where dc.workspace_id = c.workspace_id and dc.contact_id = c.id) as last
        from contacts c where c.workspace_id = ${workspaceId} and c.deleted_at is null order by c.id`,
  );
  const events: ContactEventInput[] = [];
  const touch = (contactId: string, t: number) => {
    const active = list.filter((c) => running(c, t));
    if (!active.length || t > now) return;
    const c = rand.weighted(active.map((a) => [a, a.weight] as const));
    const kind = rand.pick(c.kinds);
    const link = c.links.length ? rand.pick(c.links) : null;
    events.push({
      kind,
      contactId,
      occurredAt: new Date(t),
      url: link?.[0] ?? null,
      // Visits carry the UTM parameters of the link; the email and event systems know the campaign.
      campaignId: kind === 'page_view' ? null : ids.get(c.slug)!,
      props: kind === 'page_view' && link ? { utm: { source: link[1], medium: link[2], campaign: c.slug } } : {},
    });
  };
  for (const c of contacts) {
    if (rand.next() > 0.7) continue;
    const created = new Date(c.created).getTime();
    touch(c.id, created - rand.int(1, 20) * DAY - rand.int(0, 86_399) * 1000);
    const until = Math.min(c.last ? new Date(c.last).getTime() : now, now);
    for (let n = rand.int(0, 3); n > 0; n--) touch(c.id, created + rand.next() * Math.max(0, until - created));
  }
  await recordContactEvents(db, workspaceId, events);

  // About one deal in six names the campaign running when it was created as its source.
  const dealRows = await rows<{ id: string; created: string }>(
    db,
    sql`select id, created_at::text as created from deals where workspace_id = ${workspaceId} and deleted_at is null order by id`,
  );
  const sourced = dealRows
    .map((d) => {
      const t = new Date(d.created).getTime();
      const active = list.filter((c) => running(c, t) && c.channel !== 'content_seo');
      return active.length && rand.next() < 0.17 ? { id: d.id, slug: rand.pick(active).slug } : null;
    })
    .filter((d) => d !== null);
  for (let i = 0; i < sourced.length; i += 500) {
    const part = sourced.slice(i, i + 500);
    await db.execute(
      sql`update deals d set campaign_id = v.slug from (values ${sql.join(
        part.map((s) => sql`(${s.id}::uuid, ${s.slug})`),
        sql`, `,
      )}) as v(id, slug) where d.workspace_id = ${workspaceId} and d.id = v.id`,
    );
  }
  const derived = await deriveTouchpoints(db, workspaceId);
  return { campaigns: list.length, spend: spend.length, events: events.length, touchpoints: derived.touchpoints };
}
