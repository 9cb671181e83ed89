import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestWorkspace } from '../../../apps/test-kit.ts';
import { systemActor } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import type { TestPlatform } from '../../../kernel/testing/index.ts';
import { updateContact } from '../use-cases/update-contact.ts';

let t: TestPlatform;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await createTestApp();
  ws = await createTestWorkspace(t);
});
afterAll(() => t.close());

const events = async (id: string, type: string) =>
  rows<{ data: Record<string, unknown> }>(
    t.database.db,
    sql`select data from outbox_events where entity_id = ${id} and type = ${type} order by created_at, id`,
  );

describe('lifecycle history', () => {
  it('records every stage change with who made it, and nothing when the stage stays', async () => {
    const marketer = await ws.member('marketing');
    const c = (await ws.admin.api.post('/api/contacts', { firstName: 'Life', lifecycleStage: 'subscriber' })).json();
    await marketer.api.patch(`/api/contacts/${c.id}`, { lifecycleStage: 'marketing_qualified' });
    await marketer.api.patch(`/api/contacts/${c.id}`, { lifecycleStage: 'marketing_qualified', title: 'Same stage' });
    const res = await ws.admin.api.get(`/api/contacts/${c.id}/lifecycle-history`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      current: 'marketing_qualified',
      items: [
        { fromStage: null, toStage: 'subscriber', actorType: 'api_key', actorId: ws.admin.userId, rule: null },
        { fromStage: 'subscriber', toStage: 'marketing_qualified', actorType: 'api_key', actorId: marketer.userId, rule: null },
      ],
    });
    expect((await events(c.id, 'contact.lifecycle_changed')).map((e) => e.data)).toEqual([
      { from: null, to: 'subscriber', rule: null },
      { from: 'subscriber', to: 'marketing_qualified', rule: null },
    ]);
  });

  it('names the rule when an automation moves the stage', async () => {
    const c = (await ws.admin.api.post('/api/contacts', { firstName: 'Won', lifecycleStage: 'opportunity' })).json();
    await updateContact(
      { db: t.database.db, workspaceId: ws.workspaceId, actor: systemActor('flows') },
      c.id,
      { lifecycleStage: 'customer' },
      { rule: 'deal_won' },
    );
    const items = (await ws.admin.api.get(`/api/contacts/${c.id}/lifecycle-history`)).json().items;
    expect(items[1]).toMatchObject({
      fromStage: 'opportunity',
      toStage: 'customer',
      actorType: 'rule',
      actorId: 'flows',
      rule: 'deal_won',
    });
    const contact = (await ws.admin.api.get(`/api/contacts/${c.id}`)).json();
    expect(contact.lifecycleStage).toBe('customer');
    expect(new Date(contact.lifecycleChangedAt).getTime()).toBe(new Date(items[1].changedAt).getTime());
  });
});

describe('email consent', () => {
  it('appends proof to the history and updates the current consent', async () => {
    const c = (await ws.admin.api.post('/api/contacts', { firstName: 'Consent', emails: [{ email: 'consent@example.org' }] })).json();
    expect(c.emailConsent).toBe('not_set');
    const given = await ws.admin.api.post(`/api/contacts/${c.id}/consent`, {
      status: 'subscribed',
      legalBasis: 'consent',
      source: 'form:newsletter',
      textVersion: 'v3',
    });
    expect(given.statusCode).toBe(201);
    expect(given.json()).toMatchObject({
      status: 'subscribed',
      legalBasis: 'consent',
      textVersion: 'v3',
      actorType: 'api_key',
      actorId: ws.admin.userId,
    });
    expect(given.json().ip).toBeTruthy();
    await ws.admin.api.post(`/api/contacts/${c.id}/consent`, { status: 'unsubscribed', source: 'unsubscribe link', ip: '203.0.113.9' });
    const res = (await ws.admin.api.get(`/api/contacts/${c.id}/consent`)).json();
    expect(res.status).toBe('unsubscribed');
    expect(res.items.map((i: { status: string; ip: string }) => [i.status, i.ip === '203.0.113.9'])).toEqual([
      ['unsubscribed', true],
      ['subscribed', false],
    ]);
    expect((await ws.admin.api.get(`/api/contacts/${c.id}`)).json().emailConsent).toBe('unsubscribed');
    expect((await events(c.id, 'contact.consent_changed')).map((e) => [e.data.from, e.data.to])).toEqual([
      ['not_set', 'subscribed'],
      ['subscribed', 'unsubscribed'],
    ]);
  });

  it('rejects an unknown consent status and unknown fields', async () => {
    const c = (await ws.admin.api.post('/api/contacts', { firstName: 'Bad consent' })).json();
    expect((await ws.admin.api.post(`/api/contacts/${c.id}/consent`, { status: 'maybe' })).json().error.details.issues[0].path).toEqual([
      'body',
      'status',
    ]);
    expect(
      (await ws.admin.api.post(`/api/contacts/${c.id}/consent`, { status: 'pending', channel: 'sms' })).json().error.details.issues[0].path,
    ).toEqual(['body', 'channel']);
  });
});
