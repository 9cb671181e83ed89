import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { memberships } from '../../../kernel/auth/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { type Database, rows } from '../../../kernel/db/index.ts';
import { companies } from '../../companies/index.ts';
import { createCustomField } from '../../custom-fields/index.ts';
import { createUser } from '../../identity/index.ts';
import { consentHistory, contactCompanies, contactEmails, contactPhones, contacts, lifecycleHistory } from '../schema.ts';
import { buildCompanies } from './demo-companies.ts';
import { buildContacts } from './demo-contacts.ts';
import { salesReps } from './demo-names.ts';
import { createRandom } from './prng.ts';

export const demoCompanyCount = 320;
export const demoContactCount = 2200;

async function insertBatches<T>(list: T[], write: (batch: T[]) => Promise<unknown>, size = 500) {
  for (let i = 0; i < list.length; i += size) await write(list.slice(i, i + size));
}

/**
 * The demo CRM: four sales reps (members, unknown random passwords), custom fields, 320 companies
 * and 2,200 contacts with emails, phones, lifecycle histories over two years (some customers leave again 1–12
 * months later, so retention and lifetime value have figures) and consent. Same data
 * on every run (seeded PRNG; ids and the reference time excepted). Bulk inserts in one transaction,
 * bypassing the use cases on purpose: no audit entries or events for generated records.
 */
export async function seedCrmDemo(p: { database: Database }, workspaceId: string, adminId: string, opts: { now?: number } = {}) {
  const db = p.database.db;
  const now = opts.now ?? Date.now();
  const rand = createRandom(20_240_501);
  const repIds: string[] = [];
  for (const rep of salesReps) {
    // A second demo workspace in the same instance reuses the reps' accounts.
    const [existing] = await rows<{ id: string }>(db, sql`select id from users where lower(email) = ${rep.email}`);
    const userId = existing?.id ?? (await createUser(db, { ...rep, password: randomBytes(18).toString('base64url') })).id;
    await db.insert(memberships).values({ workspaceId, userId, role: 'sales_rep' }).onConflictDoNothing();
    repIds.push(userId);
  }
  const ctx: Ctx = { db, workspaceId, actor: { type: 'user', id: adminId, userId: adminId, label: 'demo', role: 'admin' } };
  await createCustomField(ctx, {
    entityType: 'company',
    key: 'account_tier',
    label: 'Account tier',
    type: 'select',
    indexed: true,
    choices: [
      { value: 'strategic', label: 'Strategic' },
      { value: 'growth', label: 'Growth' },
      { value: 'standard', label: 'Standard' },
    ],
  });
  await createCustomField(ctx, {
    entityType: 'contact',
    key: 'preferred_language',
    label: 'Preferred language',
    type: 'select',
    choices: ['en', 'de', 'fr', 'es', 'nl', 'sv'].map((value) => ({ value, label: value.toUpperCase() })),
  });
  await createCustomField(ctx, { entityType: 'contact', key: 'nps_score', label: 'NPS score', type: 'number' });
  const owners = [...repIds, adminId];
  const companyRows = buildCompanies(rand, workspaceId, owners, demoCompanyCount, now);
  const people = buildContacts(rand, workspaceId, companyRows, owners, demoContactCount, now);
  await db.transaction(async (tx) => {
    await insertBatches(companyRows, (b) => tx.insert(companies).values(b));
    await insertBatches(people, async (b) => {
      await tx.insert(contacts).values(b.map((c) => ({ ...c.row, phone: c.phone })) as (typeof contacts.$inferInsert)[]);
      await tx
        .insert(contactEmails)
        .values(b.map((c) => ({ workspaceId, contactId: c.row.id, email: c.email, isPrimary: true, createdAt: c.row.createdAt })));
      const phones = b.filter((c) => c.phone);
      if (phones.length)
        await tx
          .insert(contactPhones)
          .values(phones.map((c) => ({ workspaceId, contactId: c.row.id, phone: c.phone!, kind: 'work', isPrimary: true })));
      const linked = b.filter((c) => c.companyId);
      if (linked.length)
        await tx
          .insert(contactCompanies)
          .values(
            linked.map((c) => ({ workspaceId, contactId: c.row.id, companyId: c.companyId!, isPrimary: true, createdAt: c.row.createdAt })),
          );
      const consented = b.filter((c) => c.consent);
      if (consented.length)
        await tx.insert(consentHistory).values(
          consented.map((c) => ({
            workspaceId,
            contactId: c.row.id,
            status: c.consent!.status,
            legalBasis: 'consent',
            source: 'form:newsletter',
            textVersion: 'v1',
            recordedAt: c.consent!.recordedAt,
            actorType: 'system',
            actorId: 'demo',
          })),
        );
    });
    const history = people.flatMap((c) => c.history.map((h) => ({ workspaceId, contactId: c.row.id, ...h })));
    await insertBatches(history, (b) => tx.insert(lifecycleHistory).values(b), 1000);
  });
  return { companies: companyRows.length, contacts: people.length, reps: repIds };
}
