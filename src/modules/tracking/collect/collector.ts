import { sql } from 'drizzle-orm';
import type { Database, Executor } from '../../../kernel/db/index.ts';
import { newId, preparedRows, rows } from '../../../kernel/db/index.ts';
import { behaviourChanged } from '../../engagement/index.ts';
import { identifyWebVisitor } from '../use-cases/identify-web-visitor.ts';
import { assignSessions, type LatestSession, visitorKey } from './assign-sessions.ts';
import { eventProps, type Hit } from './hit.ts';
import { SessionCache } from './session-cache.ts';

interface Waiting {
  hit: Hit;
  resolve: () => void;
  reject: (err: unknown) => void;
}

const maxBatch = 2000;

/**
 * Group commit: hits that arrive while a batch is being written wait together and are written in one statement
 * (sessions upserted, events inserted); every waiting request is answered after it commits, so a 204 means the hit
 * is durable. Visitors are spread over `lanes` by their id; a lane has one batch in flight at a time, so a visitor's
 * sessions are decided in order while batches of different lanes run side by side on different connections (on
 * PostgreSQL; PGlite has one). Each batch grows with the load instead of the number of statements.
 */
export class Collector {
  private readonly lanes: Lane[];
  private readonly sessions = new SessionCache();

  constructor(
    private readonly database: Database,
    /** How long the first hit of an idle period waits for company (ms). */
    lingerMs = 2,
    lanes = 1,
  ) {
    this.lanes = Array.from({ length: Math.max(1, lanes) }, () => new Lane((hits) => this.write(hits), lingerMs));
  }

  add(hit: Hit): Promise<void> {
    const lane = this.lanes.length === 1 ? this.lanes[0]! : this.lanes[laneOf(hit.visitorId, this.lanes.length)]!;
    return lane.add(hit);
  }

  /** Writes whatever is queued (shutdown, tests). */
  async drain(): Promise<void> {
    await Promise.all(this.lanes.map((l) => l.drain()));
  }

  private async write(hits: Hit[]) {
    const after = await writeHits(this.database.db, hits, this.sessions);
    for (const [key, s] of after) this.sessions.set(key, s);
  }
}

/** A lane by the visitor id's last hex digits (uuids, random or hashed, so the lanes fill evenly). */
const laneOf = (visitorId: string, lanes: number) => (Number.parseInt(visitorId.slice(-4), 16) || 0) % lanes;

class Lane {
  private queue: Waiting[] = [];
  private running: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly writer: (hits: Hit[]) => Promise<void>,
    private readonly lingerMs: number,
  ) {}

  add(hit: Hit): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ hit, resolve, reject });
      if (!this.running && !this.timer) this.timer = setTimeout(() => this.kick(), this.lingerMs);
    });
  }

  async drain(): Promise<void> {
    while (this.running || this.queue.length) {
      if (this.running) await this.running;
      else this.kick();
    }
  }

  private kick() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.running || !this.queue.length) return;
    const batch = this.queue.splice(0, maxBatch);
    this.running = this.write(batch).finally(() => {
      this.running = null;
      if (this.queue.length) this.kick();
    });
  }

  private async write(batch: Waiting[]) {
    try {
      await this.writer(batch.map((w) => w.hit));
      for (const w of batch) w.resolve();
    } catch (err) {
      for (const w of batch) w.reject(err);
    }
  }
}

/**
 * Writes one batch of hits: sessions, events and the sites' last hit in one statement (atomic by itself, so no
 * BEGIN/COMMIT round trips); a batch with a link token runs in a transaction, as identification adds statements.
 * Visitors found in `cache` are not read back: the statement checks them and writes nothing if one is stale; those
 * are forgotten and the batch decided again (after two misses, without the cache). Returns each visitor's latest
 * session as now stored.
 */
export async function writeHits(db: Database['db'], hits: Hit[], cache?: SessionCache): Promise<Map<string, LatestSession>> {
  for (let attempt = 0; ; attempt++) {
    const useCache = attempt < 2 ? cache : undefined;
    const run = (tx: Executor) => writeBatch(tx, hits, useCache);
    const r = hits.some((h) => h.contactId) ? await db.transaction(run) : await run(db);
    if (r.written) return r.after;
    for (const key of r.stale) cache?.delete(key);
  }
}

async function writeBatch(
  tx: Executor,
  hits: Hit[],
  cache: SessionCache | undefined,
): Promise<{ written: true; after: Map<string, LatestSession> } | { written: false; stale: string[] }> {
  // A link token names a contact; only contacts that exist (and are not deleted) in the site's workspace count.
  const claimed = hits.filter((h) => h.contactId);
  if (claimed.length) {
    const found = await rows<{ w: string; c: string }>(
      tx,
      sql`select c.workspace_id as w, c.id as c from contacts c
          join jsonb_to_recordset(${JSON.stringify(claimed.map((h) => ({ w: h.workspaceId, c: h.contactId })))}::jsonb) as x(w uuid, c uuid)
            on c.workspace_id = x.w and c.id = x.c
          where c.deleted_at is null`,
    );
    const ok = new Set(found.map((r) => `${r.w}:${r.c}`));
    for (const h of claimed) if (!ok.has(`${h.workspaceId}:${h.contactId}`)) h.contactId = null;
  }

  const latest = new Map<string, LatestSession>();
  const expected: { w: string; v: string; id: string; seen: string; c: string | null }[] = [];
  const misses = new Map<string, { w: string; v: string }>();
  for (const h of hits) {
    const key = visitorKey(h.workspaceId, h.visitorId);
    if (latest.has(key) || misses.has(key)) continue;
    const known = cache?.get(key);
    if (!known) misses.set(key, { w: h.workspaceId, v: h.visitorId });
    else {
      latest.set(key, known);
      expected.push({ w: h.workspaceId, v: h.visitorId, id: known.id, seen: known.lastSeenAt.toISOString(), c: known.contactId });
    }
  }
  const latestRows = misses.size
    ? await rows<{
        w: string;
        v: string;
        id: string;
        site_id: string;
        last_seen_at: string | Date;
        contact_id: string | null;
        utm_campaign: string | null;
      }>(
        tx,
        sql`select x.w, x.v, s.id, s.site_id, s.last_seen_at, s.contact_id, s.utm_campaign
        from jsonb_to_recordset(${JSON.stringify([...misses.values()])}::jsonb) as x(w uuid, v uuid)
        cross join lateral (select id, site_id, last_seen_at, contact_id, utm_campaign from web_sessions
          where workspace_id = x.w and visitor_id = x.v order by last_seen_at desc limit 1) s`,
      )
    : [];
  for (const r of latestRows)
    latest.set(visitorKey(r.w, r.v), {
      id: r.id,
      siteId: r.site_id,
      lastSeenAt: new Date(r.last_seen_at),
      contactId: r.contact_id,
      utmCampaign: r.utm_campaign,
    });
  const { sessions, assigned, after } = assignSessions(hits, latest);

  const sessionRows = sessions.map((s) => ({
    w: s.workspaceId,
    id: s.id,
    site_id: s.siteId,
    visitor_id: s.visitorId,
    contact_id: s.contactId,
    started_at: s.startedAt.toISOString(),
    last_seen_at: s.lastSeenAt.toISOString(),
    landing_url: s.landingUrl,
    referrer: s.referrer,
    referrer_host: s.referrerHost,
    utm_source: s.utm.source ?? null,
    utm_medium: s.utm.medium ?? null,
    utm_campaign: s.utm.campaign ?? null,
    utm_term: s.utm.term ?? null,
    utm_content: s.utm.content ?? null,
    page_count: s.pageCount,
    event_count: s.eventCount,
  }));
  const eventRows = hits.map((h, i) => ({
    w: h.workspaceId,
    id: newId(),
    occurred_at: h.occurredAt.toISOString(),
    contact_id: assigned[i]!.contactId,
    visitor_id: h.visitorId,
    session_id: assigned[i]!.sessionId,
    kind: h.kind,
    name: h.name,
    url: h.url,
    subject_id: h.siteId,
    props: eventProps(h),
  }));
  const lastBySite = [...new Map(hits.map((h) => [h.siteId, { id: h.siteId, t: h.occurredAt.toISOString(), u: h.url }])).values()];
  // One statement (sessions, events, the sites' last hit): atomic on its own, and one parse instead of three. Events
  // are written here rather than through recordContactEvents because one JSON parameter is much cheaper than 12
  // bound parameters per row at this rate; the columns and conventions are the same (see engagement). `k` lists the
  // cached sessions that are no longer the visitor's latest as cached; if any, nothing is written. A site's last hit
  // is skipped when another batch holds its row (it writes a last hit as recent), so batches never wait on each other.
  const [res] = await preparedRows<{ stale: string | null }>(tx, 'tracking_write_batch', writeBatchSql, [
    JSON.stringify(expected),
    JSON.stringify(sessionRows),
    JSON.stringify(eventRows),
    JSON.stringify(lastBySite),
  ]);
  if (res?.stale) return { written: false, stale: res.stale.split(',') };

  // Segments re-evaluate contacts with new behaviour (recordContactEvents would have told them; this insert is its own).
  const known = new Map<string, string[]>();
  for (const r of eventRows) if (r.contact_id) known.set(r.w, [...(known.get(r.w) ?? []), r.contact_id]);
  for (const [w, ids] of known) await behaviourChanged(tx, w, ids);
  // A visitor who just proved who they are: their earlier anonymous history becomes the contact's.
  const identified = new Map(claimed.filter((h) => h.contactId).map((h) => [visitorKey(h.workspaceId, h.visitorId), h]));
  for (const h of identified.values()) await identifyWebVisitor(tx, h.workspaceId, h.visitorId, h.contactId!);
  return { written: true, after };
}

/**
 * The batch write (see writeBatch): $1 the cached sessions to check, $2 sessions, $3 events, $4 the sites' last hit, all
 * JSON. A fixed text, so PostgreSQL keeps it prepared per connection instead of parsing and planning it every batch.
 */
const writeBatchSql = `with
    k as (select x.w::text || ':' || x.v::text as key
      from jsonb_to_recordset($1::jsonb) as x(w uuid, v uuid, id uuid, seen timestamptz, c uuid)
      where not exists (select 1 from (select id, last_seen_at, contact_id from web_sessions
          where workspace_id = x.w and visitor_id = x.v order by last_seen_at desc limit 1) l
        where l.id = x.id and date_trunc('milliseconds', l.last_seen_at) = x.seen and l.contact_id is not distinct from x.c)),
    s as (insert into web_sessions (workspace_id, id, site_id, visitor_id, contact_id, started_at, last_seen_at, landing_url,
        referrer, referrer_host, utm_source, utm_medium, utm_campaign, utm_term, utm_content, page_count, event_count)
      select w, id, site_id, visitor_id, contact_id, started_at, last_seen_at, landing_url, referrer, referrer_host,
        utm_source, utm_medium, utm_campaign, utm_term, utm_content, page_count, event_count
      from jsonb_to_recordset($2::jsonb) as x(w uuid, id uuid, site_id uuid, visitor_id uuid, contact_id uuid,
        started_at timestamptz, last_seen_at timestamptz, landing_url text, referrer text, referrer_host text, utm_source text,
        utm_medium text, utm_campaign text, utm_term text, utm_content text, page_count int, event_count int)
      where not exists (select 1 from k)
      on conflict (workspace_id, id) do update set
        last_seen_at = greatest(web_sessions.last_seen_at, excluded.last_seen_at),
        page_count = web_sessions.page_count + excluded.page_count,
        event_count = web_sessions.event_count + excluded.event_count,
        contact_id = coalesce(excluded.contact_id, web_sessions.contact_id),
        updated_at = now()
      returning 1),
    e as (insert into contact_events (workspace_id, id, occurred_at, contact_id, visitor_id, session_id, kind, name, url, subject_id, props)
      select w, id, occurred_at, contact_id, visitor_id, session_id, kind, name, url, subject_id, props
      from jsonb_to_recordset($3::jsonb) as x(w uuid, id uuid, occurred_at timestamptz, contact_id uuid,
        visitor_id uuid, session_id uuid, kind text, name text, url text, subject_id uuid, props jsonb)
      where not exists (select 1 from k)
      returning 1),
    t as (update tracking_sites st set last_hit_at = x.t, last_hit_url = x.u
      from jsonb_to_recordset($4::jsonb) as x(id uuid, t timestamptz, u text)
      where st.id = x.id and (st.last_hit_at is null or st.last_hit_at < x.t) and not exists (select 1 from k)
        and exists (select 1 from tracking_sites l where l.id = x.id for update skip locked)
      returning 1)
    select (select count(*) from s) as s, (select count(*) from e) as e, (select count(*) from t) as t,
      (select string_agg(key, ',') from k) as stale`;
