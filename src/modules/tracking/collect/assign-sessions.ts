import { newId } from '../../../kernel/db/index.ts';
import { externalReferrer, type Hit } from './hit.ts';

/** The visitor's latest stored session (whether still open or not) and who the visitor is known to be. */
export interface LatestSession {
  id: string;
  siteId: string;
  lastSeenAt: Date;
  contactId: string | null;
  utmCampaign: string | null;
}

export interface SessionWrite {
  workspaceId: string;
  id: string;
  siteId: string;
  visitorId: string;
  contactId: string | null;
  startedAt: Date;
  lastSeenAt: Date;
  landingUrl: string | null;
  referrer: string | null;
  referrerHost: string | null;
  utm: Hit['utm'];
  /** The campaign the session runs under (a stored session's own, whatever this batch's hits carry). */
  campaign: string | null;
  /** A stored session's last_seen_at before this batch (the row keeps the later of it and this batch's). */
  storedLastSeenAt: Date | null;
  /** Pages and events of this batch (added to a stored session's counts). */
  pageCount: number;
  eventCount: number;
  isNew: boolean;
}

export const sessionGapMs = 30 * 60_000;
const visitorKey = (workspaceId: string, visitorId: string) => `${workspaceId}:${visitorId}`;

/**
 * Gives each hit (in arrival order) a session: the visitor's open one on the same site, unless 30 minutes passed
 * or the hit arrives with a different utm_campaign (a new campaign click is a new visit, as analytics tools count
 * it). Hits of a known visitor carry the contact. Returns, beside the writes, each visitor's latest session as the
 * rows will be once they are written (what the next batch starts from). Pure, so the rules are tested without a
 * database.
 */
export function assignSessions(hits: Hit[], latest: Map<string, LatestSession>) {
  const sessions = new Map<string, SessionWrite>();
  const current = new Map<string, SessionWrite>();
  const assigned: { sessionId: string; contactId: string | null }[] = [];
  for (const hit of hits) {
    const key = visitorKey(hit.workspaceId, hit.visitorId);
    const mine = current.get(key);
    const prev = mine ?? latest.get(key);
    const known = hit.contactId ?? prev?.contactId ?? null;
    const prevCampaign = mine ? mine.campaign : (prev as LatestSession | undefined)?.utmCampaign;
    const open =
      prev &&
      prev.siteId === hit.siteId &&
      hit.occurredAt.getTime() - prev.lastSeenAt.getTime() < sessionGapMs &&
      (!hit.utm.campaign || hit.utm.campaign === prevCampaign);
    let s = open ? (mine ?? sessions.get(prev.id)) : undefined;
    if (!s) {
      if (open) {
        s = {
          workspaceId: hit.workspaceId,
          id: prev.id,
          siteId: hit.siteId,
          visitorId: hit.visitorId,
          contactId: known,
          startedAt: hit.occurredAt,
          lastSeenAt: hit.occurredAt,
          landingUrl: null,
          referrer: null,
          referrerHost: null,
          utm: {},
          campaign: prevCampaign ?? null,
          storedLastSeenAt: prev.lastSeenAt,
          pageCount: 0,
          eventCount: 0,
          isNew: false,
        };
      } else {
        const ref = externalReferrer(hit.referrer, hit.url);
        s = {
          workspaceId: hit.workspaceId,
          id: newId(),
          siteId: hit.siteId,
          visitorId: hit.visitorId,
          contactId: known,
          startedAt: hit.occurredAt,
          lastSeenAt: hit.occurredAt,
          landingUrl: hit.url,
          referrer: ref.referrer,
          referrerHost: ref.host,
          utm: hit.utm,
          campaign: hit.utm.campaign ?? null,
          storedLastSeenAt: null,
          pageCount: 0,
          eventCount: 0,
          isNew: true,
        };
      }
      sessions.set(s.id, s);
    }
    s.lastSeenAt = hit.occurredAt;
    if (known) s.contactId = known;
    if (hit.kind === 'page_view') s.pageCount++;
    s.eventCount++;
    current.set(key, s);
    assigned.push({ sessionId: s.id, contactId: known });
  }
  const after = new Map<string, LatestSession>();
  for (const [key, s] of current)
    after.set(key, {
      id: s.id,
      siteId: s.siteId,
      lastSeenAt: s.storedLastSeenAt && s.storedLastSeenAt > s.lastSeenAt ? s.storedLastSeenAt : s.lastSeenAt,
      contactId: s.contactId,
      utmCampaign: s.campaign,
    });
  return { sessions: [...sessions.values()], assigned, after };
}

export { visitorKey };
