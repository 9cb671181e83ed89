import { sql } from 'drizzle-orm';
import { systemActor } from '../../kernel/context.ts';
import { type Database, newId, rows } from '../../kernel/db/index.ts';
import { createRandom } from '../contacts/index.ts';
import { type ContactEventInput, ensureEventPartitions, recordContactEvents } from '../engagement/index.ts';
import { createSite } from './use-cases/create-site.ts';

const day = 86_400_000;

/** UTM campaigns of the demo (the campaigns module creates campaigns with these slugs). */
export const demoCampaigns = [
  { slug: 'brand-search', source: 'google', medium: 'cpc', from: -730, to: 0, weight: 3 },
  { slug: 'year-end-newsletter-2024', source: 'newsletter', medium: 'email', from: -345, to: -330, weight: 6 },
  { slug: 'spring-webinar-2025', source: 'linkedin', medium: 'social', from: -610, to: -570, weight: 7 },
  { slug: 'summer-release-2025', source: 'newsletter', medium: 'email', from: -500, to: -470, weight: 7 },
  { slug: 'black-friday-2025', source: 'newsletter', medium: 'email', from: -367, to: -358, weight: 12 },
  { slug: 'spring-webinar-2026', source: 'newsletter', medium: 'email', from: -250, to: -215, weight: 8 },
  { slug: 'spring-webinar-2026', source: 'linkedin', medium: 'social', from: -250, to: -215, weight: 5 },
  { slug: 'autumn-launch-2026', source: 'linkedin', medium: 'paid-social', from: -60, to: -30, weight: 8 },
] as const;

const pages = [
  ['/', 'Northwind · Sales & marketing in one place', 30],
  ['/pricing', 'Pricing · Northwind', 14],
  ['/features', 'Features · Northwind', 10],
  ['/features/automation', 'Automation · Northwind', 5],
  ['/features/reporting', 'Reporting · Northwind', 5],
  ['/customers', 'Customer stories · Northwind', 6],
  ['/blog/lead-scoring-basics', 'Lead scoring basics · Blog', 5],
  ['/blog/pipeline-hygiene', 'Pipeline hygiene in 5 steps · Blog', 4],
  ['/blog/email-deliverability', 'Email deliverability checklist · Blog', 4],
  ['/webinars', 'Webinars · Northwind', 3],
  ['/contact', 'Talk to sales · Northwind', 4],
  ['/docs/getting-started', 'Getting started · Docs', 6],
] as const;
const referrers = [
  [null, 40],
  ['https://www.google.com/', 30],
  ['https://www.bing.com/', 5],
  ['https://www.linkedin.com/', 8],
  ['https://news.ycombinator.com/', 2],
  ['https://www.g2.com/products/northwind/reviews', 4],
] as const;
const base = 'https://www.northwind.example';

/**
 * Two years of visits to the demo company's website: ~11,000 sessions (growing over time, fewer at weekends) with
 * ~30,000 page views and sign-up / demo-request events, UTM from the demo campaigns (`demoCampaigns`), search and
 * social referrers; 700 of the demo contacts are known visitors (their earlier anonymous visits stitched to them).
 */
export async function seedTrackingDemo(p: { database: Database }, workspaceId: string, adminId: string, sessionCount = 11_000) {
  const db = p.database.db;
  const r = createRandom(6106);
  const ctx = { db, workspaceId, actor: { ...systemActor('demo'), id: adminId, userId: adminId } };
  const site = await createSite(ctx, { name: 'Northwind website', allowedOrigins: ['www.northwind.example', '*.northwind.example'] });
  const contacts = (
    await rows<{ id: string }>(
      db,
      sql`select id from contacts where workspace_id = ${workspaceId} and deleted_at is null order by id limit 700`,
    )
  ).map((c) => c.id);
  const now = Date.now();
  await ensureEventPartitions(db, new Date(now - 731 * day), new Date(now));
  // Known people come back; anonymous visitors mostly come once or twice.
  const visitors = [
    ...contacts.map((c) => ({ id: newId(), contactId: c as string | null, weight: 4 })),
    ...Array.from({ length: Math.round(sessionCount * 0.55) }, () => ({ id: newId(), contactId: null as string | null, weight: 1 })),
  ];
  const pageWeights = pages.map((pg) => [pg, pg[2]] as const);
  const sessions: Record<string, unknown>[] = [];
  const events: ContactEventInput[] = [];
  for (let i = 0; i < sessionCount; i++) {
    // Growth: more visits later (√ spreads them toward today); weekends thinner.
    let ago = Math.floor((1 - Math.sqrt(r.next())) * 730);
    const wd = new Date(now - ago * day).getUTCDay();
    // Half of the weekend's visits move to Thursday and Friday (to later days near the start of the window): moving
    // them later piled the last weekend's visits onto today.
    if ((wd === 0 || wd === 6) && r.chance(0.5)) ago = ago + 2 <= 729 ? ago + 2 : ago - 2;
    const start = now - ago * day - r.int(0, 86_000) * 1000;
    const v = r.weighted(visitors.map((x) => [x, x.weight] as const));
    const live = demoCampaigns.filter((c) => -ago >= c.from && -ago <= c.to);
    const campaign = live.length && r.chance(0.45) ? r.weighted(live.map((c) => [c, c.weight] as const)) : null;
    const referrer = campaign ? (campaign.source === 'linkedin' ? 'https://www.linkedin.com/' : null) : r.weighted(referrers);
    const utm = campaign ? { source: campaign.source, medium: campaign.medium, campaign: campaign.slug } : {};
    const landing = campaign?.slug.includes('webinar') ? ['/webinars', 'Webinars · Northwind'] : r.weighted(pageWeights);
    const count = r.weighted([
      [1, 40],
      [2, 25],
      [3, 15],
      [4, 10],
      [6, 7],
      [9, 3],
    ] as const);
    const sessionId = newId();
    let t = start;
    const contactId = v.contactId;
    for (let n = 0; n < count; n++) {
      const [path, title] = n === 0 ? landing : r.weighted(pageWeights);
      const query = n === 0 && campaign ? `?utm_source=${campaign.source}&utm_medium=${campaign.medium}&utm_campaign=${campaign.slug}` : '';
      events.push({
        kind: 'page_view',
        occurredAt: new Date(t),
        contactId,
        visitorId: v.id,
        sessionId,
        url: `${base}${path}${query}`,
        subjectId: site.id,
        props: { title, ...(n === 0 && campaign && { utm }), ...(n === 0 && referrer && { referrer }) },
      });
      if (path === '/pricing' && r.chance(0.12))
        events.push({
          kind: 'custom',
          name: 'signup',
          occurredAt: new Date(t + 20_000),
          contactId,
          visitorId: v.id,
          sessionId,
          url: `${base}${path}`,
          subjectId: site.id,
          props: { plan: r.pick(['starter', 'pro', 'pro', 'enterprise']) },
        });
      if (path === '/contact' && r.chance(0.3))
        events.push({
          kind: 'custom',
          name: 'demo_requested',
          occurredAt: new Date(t + 40_000),
          contactId,
          visitorId: v.id,
          sessionId,
          url: `${base}${path}`,
          subjectId: site.id,
          props: {},
        });
      t += r.int(15, 240) * 1000;
    }
    sessions.push({
      w: workspaceId,
      id: sessionId,
      site_id: site.id,
      visitor_id: v.id,
      contact_id: contactId,
      started_at: new Date(start).toISOString(),
      last_seen_at: new Date(t).toISOString(),
      landing_url: `${base}${landing[0]}`,
      referrer,
      referrer_host: referrer ? new URL(referrer).hostname.replace(/^www\./, '') : null,
      utm_source: campaign?.source ?? null,
      utm_medium: campaign?.medium ?? null,
      utm_campaign: campaign?.slug ?? null,
      page_count: count,
      event_count: count,
    });
  }
  for (let i = 0; i < sessions.length; i += 2000)
    await db.execute(sql`insert into web_sessions (workspace_id, id, site_id, visitor_id, contact_id, started_at, last_seen_at, landing_url,
        referrer, referrer_host, utm_source, utm_medium, utm_campaign, page_count, event_count)
      select w, id, site_id, visitor_id, contact_id, started_at, last_seen_at, landing_url, referrer, referrer_host, utm_source, utm_medium,
        utm_campaign, page_count, event_count
      from jsonb_to_recordset(${JSON.stringify(sessions.slice(i, i + 2000))}::jsonb) as x(w uuid, id uuid, site_id uuid, visitor_id uuid,
        contact_id uuid, started_at timestamptz, last_seen_at timestamptz, landing_url text, referrer text, referrer_host text,
        utm_source text, utm_medium text, utm_campaign text, page_count int, event_count int)`);
  for (let i = 0; i < events.length; i += 5000) await recordContactEvents(db, workspaceId, events.slice(i, i + 5000));
  const last = events.reduce((a, e) => (e.occurredAt! > a.occurredAt! ? e : a), events[0]!);
  await db.execute(sql`update tracking_sites set last_hit_at = ${last.occurredAt!.toISOString()}::timestamptz, last_hit_url = ${last.url ?? null}
    where id = ${site.id}`);
  return { siteId: site.id, sessions: sessions.length, events: events.length };
}
