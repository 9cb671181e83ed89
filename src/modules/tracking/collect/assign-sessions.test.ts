import { describe, expect, it } from 'vitest';
import { assignSessions, type LatestSession } from './assign-sessions.ts';
import type { Hit } from './hit.ts';

const ws = '0192f3c4-5d6e-7f80-9a1b-2c3d4e5f6a7b';
const site = '0192f3c4-5d6e-7f80-9a1b-2c3d4e5f6a7c';
const v = '0192f3c4-5d6e-7f80-9a1b-2c3d4e5f6a7d';
const at = (min: number) => new Date(Date.UTC(2026, 0, 1, 10, min));
const hit = (min: number, extra: Partial<Hit> = {}): Hit => ({
  workspaceId: ws,
  siteId: site,
  visitorId: v,
  kind: 'page_view',
  name: null,
  url: 'https://a.example/',
  title: null,
  referrer: null,
  utm: {},
  props: {},
  occurredAt: at(min),
  contactId: null,
  ...extra,
});

describe('assignSessions', () => {
  it('continues the open session within 30 minutes and starts a new one after', () => {
    const latest = new Map<string, LatestSession>([
      [`${ws}:${v}`, { id: 's1', siteId: site, lastSeenAt: at(0), contactId: 'c1', utmCampaign: null }],
    ]);
    const { sessions, assigned } = assignSessions([hit(20), hit(45), hit(80)], latest);
    expect(assigned[0]).toEqual({ sessionId: 's1', contactId: 'c1' });
    expect(assigned[1]!.sessionId).toBe('s1');
    expect(assigned[2]!.sessionId).not.toBe('s1');
    expect(sessions.find((s) => s.id === 's1')).toMatchObject({ isNew: false, pageCount: 2 });
    expect(sessions.find((s) => s.id !== 's1')).toMatchObject({ isNew: true, pageCount: 1, contactId: 'c1' });
  });

  it('starts a new session when a new campaign arrives, and keeps the landing referrer only when external', () => {
    const { sessions } = assignSessions(
      [
        hit(0, { url: 'https://a.example/?utm_campaign=x', utm: { campaign: 'x' }, referrer: 'https://a.example/before' }),
        hit(1, { utm: { campaign: 'x' } }),
        hit(2, { utm: { campaign: 'y' }, referrer: 'https://www.bing.com/' }),
      ],
      new Map(),
    );
    expect(sessions.map((s) => [s.utm.campaign, s.pageCount, s.referrerHost])).toEqual([
      ['x', 2, null],
      ['y', 1, 'bing.com'],
    ]);
  });

  it('keeps a continued session going for further hits of its own campaign in the same batch', () => {
    const latest = new Map<string, LatestSession>([
      [`${ws}:${v}`, { id: 's1', siteId: site, lastSeenAt: at(0), contactId: null, utmCampaign: 'x' }],
    ]);
    const { sessions, assigned, after } = assignSessions([hit(1, { utm: { campaign: 'x' } }), hit(2, { utm: { campaign: 'x' } })], latest);
    expect(assigned.map((a) => a.sessionId)).toEqual(['s1', 's1']);
    expect(sessions).toHaveLength(1);
    expect(after.get(`${ws}:${v}`)).toEqual({ id: 's1', siteId: site, lastSeenAt: at(2), contactId: null, utmCampaign: 'x' });
  });

  it('reports each visitor’s latest session as stored after the batch, keeping a later stored last-seen', () => {
    const latest = new Map<string, LatestSession>([
      [`${ws}:${v}`, { id: 's1', siteId: site, lastSeenAt: at(5), contactId: 'c1', utmCampaign: null }],
    ]);
    const { after } = assignSessions([hit(4)], latest);
    expect(after.get(`${ws}:${v}`)).toEqual({ id: 's1', siteId: site, lastSeenAt: at(5), contactId: 'c1', utmCampaign: null });
    const fresh = assignSessions([hit(50, { utm: { campaign: 'y' } })], latest).after.get(`${ws}:${v}`);
    expect(fresh).toMatchObject({ siteId: site, lastSeenAt: at(50), contactId: 'c1', utmCampaign: 'y' });
    expect(fresh!.id).not.toBe('s1');
  });
});
