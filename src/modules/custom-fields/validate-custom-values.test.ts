import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestWorkspace } from '../../apps/test-kit.ts';
import type { TestPlatform } from '../../kernel/testing/index.ts';

let t: TestPlatform;
let ws: TestWorkspace;
let n = 0;
beforeAll(async () => {
  t = await createTestApp();
  ws = await createTestWorkspace(t);
  const fields = [
    { key: 'notes_short', type: 'text' },
    { key: 'score', type: 'number' },
    { key: 'deal_size', type: 'money', currency: 'EUR' },
    { key: 'renewal', type: 'date' },
    { key: 'last_demo', type: 'datetime' },
    { key: 'vip', type: 'boolean' },
    {
      key: 'plan',
      type: 'select',
      choices: [
        { value: 'free', label: 'Free' },
        { value: 'pro', label: 'Pro' },
      ],
    },
    {
      key: 'channels',
      type: 'multi_select',
      choices: [
        { value: 'email', label: 'Email' },
        { value: 'sms', label: 'SMS' },
      ],
    },
    { key: 'homepage', type: 'url' },
    { key: 'assistant_email', type: 'email' },
    { key: 'assistant_phone', type: 'phone' },
    { key: 'member_no', type: 'text', unique: true },
  ];
  for (const f of fields)
    expect((await ws.admin.api.post('/api/custom-fields', { entityType: 'contact', label: f.key, ...f })).statusCode).toBe(201);
});
afterAll(() => t.close());

const create = (custom: Record<string, unknown>) => ws.admin.api.post('/api/contacts', { firstName: `Person ${n++}`, custom });

describe('custom values on contacts', () => {
  it('stores valid values normalized by type', async () => {
    const res = await create({
      notes_short: '  hi  ',
      score: '42.5',
      deal_size: 129900,
      renewal: '2025-02-28',
      last_demo: '2024-05-01T11:30:00+02:00',
      vip: 'true',
      plan: 'pro',
      channels: ['sms', 'email', 'sms'],
      homepage: 'https://acme.com/x',
      assistant_email: ' Pat@Acme.COM ',
      assistant_phone: '+44 20 7946 0958',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().custom).toEqual({
      notes_short: 'hi',
      score: 42.5,
      deal_size: 129900,
      renewal: '2025-02-28',
      last_demo: '2024-05-01T09:30:00.000Z',
      vip: true,
      plan: 'pro',
      channels: ['sms', 'email'],
      homepage: 'https://acme.com/x',
      assistant_email: 'pat@acme.com',
      assistant_phone: '+442079460958',
    });
  });

  it.each([
    ['score', 'lots'],
    ['score', '1e999'],
    ['deal_size', 12.5],
    ['renewal', '2025-02-30'],
    ['renewal', '28/02/2025'],
    ['last_demo', '2024-05-01 11:30'],
    ['vip', 'yes'],
    ['plan', 'enterprise'],
    ['channels', 'email'],
    ['channels', ['fax']],
    ['homepage', 'ftp://acme.com'],
    ['homepage', 'not a url'],
    ['assistant_email', 'pat@'],
    ['assistant_phone', '12345'],
    ['notes_short', 42],
  ])('rejects %s = %j with 400 naming the field', async (key, value) => {
    const res = await create({ [key]: value });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation_failed', details: { path: ['body', 'custom', key] } });
  });

  it('rejects an unknown key and lists the defined ones', async () => {
    const res = await create({ shoe_size: 44 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.path).toEqual(['body', 'custom', 'shoe_size']);
    expect(res.json().error.message).toContain('score');
  });

  it('reads phone numbers without a country code in the workspace default country', async () => {
    expect((await create({ assistant_phone: '020 7946 0958' })).statusCode).toBe(400);
    await t.database.db.execute(sql`update workspaces set settings = settings || '{"defaultCountry":"GB"}' where id = ${ws.workspaceId}`);
    expect((await create({ assistant_phone: '020 7946 0958' })).json().custom.assistant_phone).toBe('+442079460958');
  });

  it('answers 409 naming the record that already holds a unique value, and lets that record keep it', async () => {
    const first = await create({ member_no: 'M-1' });
    const second = await create({ member_no: 'M-1' });
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({
      code: 'custom_value_taken',
      details: { path: ['body', 'custom', 'member_no'], existingId: first.json().id },
    });
    expect((await ws.admin.api.patch(`/api/contacts/${first.json().id}`, { custom: { member_no: 'M-1', score: 1 } })).statusCode).toBe(200);
    await ws.admin.api.delete(`/api/contacts/${first.json().id}`);
    expect((await create({ member_no: 'M-1' })).statusCode).toBe(201);
  });

  it('requires required fields on create but not on partial updates, and refuses to empty them', async () => {
    const { id } = (
      await ws.admin.api.post('/api/custom-fields', {
        entityType: 'contact',
        key: 'region_req',
        label: 'Region',
        type: 'text',
        required: true,
      })
    ).json();
    const missing = await create({});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.path).toEqual(['body', 'custom', 'region_req']);
    const ok = await create({ region_req: 'EMEA' });
    expect(ok.statusCode).toBe(201);
    expect((await ws.admin.api.patch(`/api/contacts/${ok.json().id}`, { custom: { score: 3 } })).json().custom).toMatchObject({
      region_req: 'EMEA',
      score: 3,
    });
    const emptied = await ws.admin.api.patch(`/api/contacts/${ok.json().id}`, { custom: { region_req: null } });
    expect(emptied.json().error.details.path).toEqual(['body', 'custom', 'region_req']);
    await ws.admin.api.delete(`/api/custom-fields/${id}`);
  });

  it('removes a value set to null on update and refuses archived fields', async () => {
    const { id } = (await create({ score: 5, plan: 'free' })).json();
    expect((await ws.admin.api.patch(`/api/contacts/${id}`, { custom: { score: null } })).json().custom).toEqual({ plan: 'free' });
    const field = (await ws.admin.api.get('/api/custom-fields?entityType=contact'))
      .json()
      .items.find((f: { key: string }) => f.key === 'plan');
    await ws.admin.api.delete(`/api/custom-fields/${field.id}`);
    expect((await ws.admin.api.patch(`/api/contacts/${id}`, { custom: { plan: 'pro' } })).json().error.details.path).toEqual([
      'body',
      'custom',
      'plan',
    ]);
  });
});
