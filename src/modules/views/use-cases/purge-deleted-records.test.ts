import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestWorkspace } from '../../../apps/test-kit.ts';
import { rows } from '../../../kernel/db/index.ts';
import { syncSchedules } from '../../../kernel/jobs/index.ts';
import type { TestPlatform } from '../../../kernel/testing/index.ts';
import { insertContacts, newContact } from '../testing/records.ts';
import { purgeDeletedRecords } from './purge-deleted-records.ts';

let t: TestPlatform;
let ws: TestWorkspace;

beforeAll(async () => {
  t = await createTestApp();
  ws = await createTestWorkspace(t);
});
afterAll(() => t.close());

const db = () => t.database.db;
const count = async (table: string, col: string, id: string) =>
  (await rows<{ n: number }>(db(), sql`select count(*)::int as n from ${sql.raw(table)} where ${sql.raw(col)} = ${id}`))[0]!.n;
const ageDeleted = (table: string, id: string, days: number) =>
  db().execute(sql`update ${sql.raw(table)} set deleted_at = now() - make_interval(days => ${days}) where id = ${id}`);

describe('the daily purge', () => {
  it('hard-deletes contacts deleted more than 7 days ago with their emails, phones, links and history', async () => {
    const company = (await ws.admin.api.post('/api/companies', { name: 'Keep', domain: 'keep.test' })).json().id;
    const old = await newContact(ws.admin, {
      firstName: 'Old',
      emails: [{ email: 'old@keep.test' }],
      phones: [{ phone: '+4930123456' }],
      companyIds: [company],
      lifecycleStage: 'lead',
    });
    const recent = await newContact(ws.admin, { firstName: 'Recent', emails: [{ email: 'recent@keep.test' }] });
    const op = (await ws.admin.api.post('/api/bulk/contacts', { selection: { ids: [old, recent] }, action: 'delete' })).json();
    expect(op.result.changed).toBe(2);
    await ageDeleted('contacts', old, 8);
    await ageDeleted('contacts', recent, 2);
    const purged = await purgeDeletedRecords(db());
    expect(purged.contacts).toBe(1);
    for (const [table, col] of [
      ['contacts', 'id'],
      ['contact_emails', 'contact_id'],
      ['contact_phones', 'contact_id'],
      ['contact_companies', 'contact_id'],
      ['lifecycle_history', 'contact_id'],
    ] as const)
      expect(await count(table, col, old), table).toBe(0);
    expect(await count('contacts', 'id', recent)).toBe(1);
    expect(await count('contact_emails', 'contact_id', recent)).toBe(1);
    expect(await count('companies', 'id', company)).toBe(1);
  });

  it('hard-deletes old deleted companies and unlinks their contacts', async () => {
    const company = (await ws.admin.api.post('/api/companies', { name: 'Gone', domain: 'gone.test' })).json().id;
    const child = (await ws.admin.api.post('/api/companies', { name: 'Child', parentCompanyId: company })).json().id;
    const contact = await newContact(ws.admin, { firstName: 'Linked', companyId: company });
    await ws.admin.api.delete(`/api/companies/${company}`);
    await ageDeleted('companies', company, 9);
    expect((await purgeDeletedRecords(db())).companies).toBe(1);
    expect(await count('companies', 'id', company)).toBe(0);
    expect(await count('contact_companies', 'company_id', company)).toBe(0);
    expect((await ws.admin.api.get(`/api/contacts/${contact}`)).json().companyId).toBeNull();
    expect((await ws.admin.api.get(`/api/companies/${child}`)).json().parentCompanyId).toBeNull();
  });

  it('drops the undo items of expired operations, which then cannot be undone', async () => {
    const ids = await insertContacts(db(), ws.workspaceId, 3);
    const expired = (
      await ws.admin.api.post('/api/bulk/contacts', { selection: { ids }, action: 'add_tags', params: { tags: ['a'] } })
    ).json();
    const fresh = (
      await ws.admin.api.post('/api/bulk/contacts', { selection: { ids }, action: 'add_tags', params: { tags: ['b'] } })
    ).json();
    await db().execute(sql`update bulk_operations set expires_at = now() - interval '1 minute' where id = ${expired.id}`);
    expect((await purgeDeletedRecords(db())).items).toBe(3);
    expect(await count('bulk_operation_items', 'operation_id', expired.id)).toBe(0);
    expect(await count('bulk_operation_items', 'operation_id', fresh.id)).toBe(3);
    expect((await ws.admin.api.post(`/api/bulk/${expired.id}/undo`)).json().error.code).toBe('bulk_undo_expired');
    expect((await purgeDeletedRecords(db())).items).toBe(0);
  });

  it('is scheduled daily', async () => {
    await syncSchedules(db());
    const [s] = await rows<{ cron: string }>(db(), sql`select cron from job_schedules where name = 'views.purge_deleted'`);
    expect(s?.cron).toBe('17 3 * * *');
  });
});
