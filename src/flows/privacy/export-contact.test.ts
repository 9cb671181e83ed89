import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestWorkspace } from '../../apps/test-kit.ts';
import { rows } from '../../kernel/db/index.ts';
import type { TestPlatform } from '../../kernel/testing/index.ts';

let t: TestPlatform;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await createTestApp();
  ws = await createTestWorkspace(t);
});
afterAll(() => t.close());

const post = async (url: string, body: unknown, status = 201) => {
  const res = await ws.admin.api.post(url, body);
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
};

describe('exporting a contact', () => {
  it('returns everything held about the contact in one document, and audits the export', async () => {
    const acme = (await post('/api/companies', { name: 'Export Co', domain: 'export-co.example' })).id;
    const id = (
      await post('/api/contacts', {
        firstName: 'Xena',
        lastName: 'Export',
        emails: [{ email: 'xena@export-co.example' }, { email: 'xena@home.example' }],
        phones: [{ phone: '+1 202 555 0142' }],
        companyId: acme,
        lifecycleStage: 'lead',
      })
    ).id;
    const twin = (await post('/api/contacts', { firstName: 'Xena', lastName: 'Twin', companyId: null })).id;
    await post('/api/contacts/merge', { survivorId: id, mergedIds: [twin] }, 200);
    await post(`/api/contacts/${id}/consent`, { status: 'subscribed', legalBasis: 'consent' });
    await post('/api/activities', {
      type: 'call',
      direction: 'inbound',
      subject: 'Question',
      links: [{ entityType: 'contact', entityId: id }],
    });
    await post('/api/tasks', { title: 'Answer Xena', entityType: 'contact', entityId: id });

    const res = await ws.admin.api.get(`/api/contacts/${twin}/export`);
    expect(res.statusCode, res.body).toBe(200);
    const doc = res.json();
    expect(doc.contact).toMatchObject({ id, firstName: 'Xena', lastName: 'Export', email: 'xena@export-co.example' });
    expect(doc.mergedIds).toEqual([twin]);
    expect(doc.emails.map((e: { email: string }) => e.email).sort()).toEqual(['xena@export-co.example', 'xena@home.example']);
    expect(doc.phones).toEqual([expect.objectContaining({ phone: '+12025550142' })]);
    expect(doc.companies).toEqual([expect.objectContaining({ id: acme, name: 'Export Co', is_primary: true })]);
    expect(doc.lifecycleHistory).toEqual([expect.objectContaining({ to_stage: 'lead' })]);
    expect(doc.consentHistory).toEqual([expect.objectContaining({ status: 'subscribed', legal_basis: 'consent' })]);
    expect(doc.activities).toEqual([expect.objectContaining({ type: 'call', subject: 'Question' })]);
    expect(doc.tasks).toEqual([expect.objectContaining({ title: 'Answer Xena' })]);
    expect(doc.auditEntries.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['contact.created', 'contact.merged']),
    );
    expect(doc.auditEntries.some((a: { entity_id: string }) => a.entity_id === twin)).toBe(true);
    expect(doc.timeline.length).toBeGreaterThanOrEqual(3);

    const [audit] = await rows<{ after: { counts: Record<string, number> } }>(
      t.database.db,
      sql`select after from audit_log where action = 'contact.exported' and entity_id = ${id}`,
    );
    expect(audit!.after.counts).toMatchObject({ emails: 2, activities: 1, tasks: 1 });
    expect(JSON.stringify(audit!.after)).not.toContain('xena@');
  });

  it('is for admins only, and only in their workspace', async () => {
    const id = (await post('/api/contacts', { firstName: 'Private', companyId: null })).id;
    const manager = await ws.member('sales_manager');
    expect((await manager.api.get(`/api/contacts/${id}/export`)).statusCode).toBe(403);
    const b = await createTestWorkspace(t, 'Beta');
    const res = await b.admin.api.get(`/api/contacts/${id}/export`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'contact_not_found', details: { id } });
  });
});
