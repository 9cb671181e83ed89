import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../../kernel/context.ts';
import { newId } from '../../../../kernel/db/columns.ts';
import { rows } from '../../../../kernel/db/index.ts';
import { cleanTags, mergeCustom } from '../../../companies/index.ts';
import { displayNameOf, erasedEmails } from '../../../contacts/index.ts';
import type { CustomFieldDef } from '../../../custom-fields/index.ts';
import { changedByThisImport, findByExternalId, foldDuplicates, linkExternalIds, Outcome, recordChanges } from '../batch-tools.ts';
import { type CompanyRef, refKey, resolveCompanies } from '../company-links.ts';
import type { Checked, RunSettings } from '../entity.ts';
import { claimUniqueValues } from '../unique-values.ts';
import type { ContactRecord } from './check-contact-row.ts';
import {
  appendLifecycles,
  type ContactBefore,
  type ContactColumns,
  insertContacts,
  insertEmails,
  insertPhones,
  linkCompanies,
  loadBefore,
  setContacts,
} from './contact-writes.ts';
import { routeImportedLeads } from './route-imported-leads.ts';

type Row = Extract<Checked<ContactRecord>, { ok: true }>;

/** Later rows' given values win; tags and custom values add up. */
function mergeRecords(into: Row, from: Row) {
  const a = into.record;
  const b = from.record;
  const tags = a.tags || b.tags ? [...(a.tags ?? []), ...(b.tags ?? [])] : undefined;
  const custom = a.custom || b.custom ? { ...a.custom, ...b.custom } : undefined;
  const phones = b.phones.length ? b.phones : a.phones;
  Object.assign(a, Object.fromEntries(Object.entries(b).filter(([, v]) => v !== undefined && v !== null)), { tags, custom, phones });
  if (tags) a.tags = cleanTags(tags, ['tags'])!.slice(0, 50);
}

/**
 * Writes one batch of checked contact rows, set-based: one lookup per kind (keys, emails, erased people,
 * companies), one insert or update per table. Keeps the API's rules: unique emails (a deleted
 * contact's email is released), primary email/phone mirrors, company by work-email domain, lifecycle history.
 */
export async function writeContactBatch(ctx: Ctx, input: Row[], run: RunSettings, defs: CustomFieldDef[]): Promise<Outcome> {
  const out = new Outcome();
  const keyField = run.key === 'email' ? 'email' : 'external_id';
  const keyOf = (r: Row) => (run.key === 'email' ? r.record.email : r.record.externalId);
  const batch = foldDuplicates(input, keyOf, run, out, mergeRecords, keyField);

  const emails = [...new Set(batch.map((r) => r.record.email).filter((e): e is string => !!e))];
  const holders = await emailHolders(ctx, emails);
  const erased = await erasedEmails(ctx, emails);
  const byExternal =
    run.key === 'external_id'
      ? await findByExternalId(
          ctx,
          'contact',
          'contacts',
          batch.map((r) => r.record.externalId).filter((x): x is string => !!x),
        )
      : new Map<string, string>();
  const matchOf = (r: Row) => {
    const k = keyOf(r);
    if (!k) return undefined;
    return run.key === 'email' ? holders.get(k)?.live : byExternal.get(k);
  };
  const seen = await changedByThisImport(
    ctx,
    run.importId,
    'contact',
    batch.map(matchOf).filter((x): x is string => !!x),
  );

  const creates: Row[] = [];
  const updates: { row: Row; id: string }[] = [];
  for (const r of batch) {
    const k = keyOf(r);
    if (r.record.email && erased.has(r.record.email)) {
      out.reject(r.rowNumber, 'skipped', 'email', run, r.record.email, 'This person asked to be erased; they are not imported again.');
      continue;
    }
    const id = matchOf(r);
    const earlier = id ? seen.get(id) : undefined;
    if (id && earlier !== undefined && run.duplicatesInFile === 'report') {
      out.reject(r.rowNumber, 'failed', keyField, run, k, `Duplicate of row ${earlier} (same ${keyField}); fix or remove one of them.`);
    } else if (id && run.mode === 'create' && earlier === undefined) {
      out.reject(
        r.rowNumber,
        'skipped',
        keyField,
        run,
        k,
        `A contact with this ${keyField} exists (${id}); import with mode update or upsert to change it.`,
      );
    } else if (id) {
      updates.push({ row: r, id });
    } else if (run.mode === 'update') {
      out.reject(
        r.rowNumber,
        'skipped',
        keyField,
        run,
        k,
        k ? `No contact has this ${keyField}; nothing to update.` : `The ${keyField} is empty; an update needs it.`,
      );
    } else creates.push(r);
  }

  // New emails must not belong to another live contact (the API's 409 contact_email_taken).
  const taken = (r: Row, self: string | null) => {
    const h = r.record.email ? holders.get(r.record.email) : undefined;
    return h?.live && h.live !== self ? h.live : null;
  };
  const required = defs.filter((d) => d.required);
  const claimed = new Map<string, number>();
  const claim = (r: Row) => {
    const e = r.record.email;
    if (!e) return true;
    const first = claimed.get(e);
    if (first !== undefined) {
      out.reject(r.rowNumber, 'failed', 'email', run, e, `Row ${first} already has this email; an email belongs to one contact.`);
      return false;
    }
    claimed.set(e, r.rowNumber);
    return true;
  };
  const emailOkCreates = creates.filter((r) => {
    if (!claim(r)) return false;
    const other = taken(r, null);
    if (other)
      out.reject(
        r.rowNumber,
        'failed',
        'email',
        run,
        r.record.email,
        `The contact ${other} already has this email; update that contact instead.`,
      );
    const rec = r.record;
    const name = displayNameOf(rec.firstName ?? '', rec.lastName ?? '', rec.email, rec.phones[0]?.phone ?? null);
    if (!other && !name) out.reject(r.rowNumber, 'failed', 'first_name', run, null, 'Give the contact a name, an email or a phone number.');
    const missing = required.find((d) => rec.custom?.[d.key] === undefined);
    if (!other && name && missing)
      out.reject(
        r.rowNumber,
        'failed',
        `custom.${missing.key}`,
        run,
        null,
        `${missing.label} (${missing.key}) is required for new contacts.`,
      );
    return !other && name && !missing;
  });
  const emailOkUpdates = updates.filter((u) => {
    if (u.row.record.email !== keyOf(u.row) && !claim(u.row)) return false;
    const other = taken(u.row, u.id);
    if (other) out.reject(u.row.rowNumber, 'failed', 'email', run, u.row.record.email, `The contact ${other} already has this email.`);
    return !other;
  });
  const notUnique = await claimUniqueValues(
    ctx,
    'contact',
    defs,
    [
      ...emailOkCreates.map((r) => ({ rowNumber: r.rowNumber, id: null, custom: r.record.custom })),
      ...emailOkUpdates.map((u) => ({ rowNumber: u.row.rowNumber, id: u.id, custom: u.row.record.custom })),
    ],
    run,
    out,
  );
  const okCreates = emailOkCreates.filter((r) => !notUnique.has(r.rowNumber));
  const okUpdates = emailOkUpdates.filter((u) => !notUnique.has(u.row.rowNumber));

  const companies = await resolveCompanies(
    ctx,
    run.importId,
    [...okCreates.map((r) => r.record.company ?? r.record.emailCompany), ...okUpdates.map((u) => u.row.record.company)].filter(
      (c): c is CompanyRef => !!c,
    ),
    ctx.actor.userId ?? null,
  );
  const companyOf = (ref: CompanyRef | null) => {
    const k = ref && refKey(ref);
    return k ? (companies.get(k) ?? null) : null;
  };
  const heldByDeleted = (e: string) => holders.has(e) && !holders.get(e)!.live;
  await writeCreates(ctx, okCreates, run, (r) => companyOf(r.record.company ?? r.record.emailCompany), heldByDeleted);
  await writeUpdates(ctx, okUpdates, run, (r) => companyOf(r.record.company), heldByDeleted);
  out.created += okCreates.length;
  out.updated += okUpdates.length;
  out.written += okCreates.length + okUpdates.length;
  return out;
}

/** Who holds each email: the live contact, and whether a deleted one still does. */
async function emailHolders(ctx: Ctx, emails: string[]) {
  const map = new Map<string, { live?: string }>();
  if (!emails.length) return map;
  const list = await rows<{ email: string; contact_id: string; live: boolean }>(
    ctx.db,
    sql`select ce.email, ce.contact_id, c.deleted_at is null as live from contact_emails ce
        join contacts c on c.workspace_id = ce.workspace_id and c.id = ce.contact_id
        where ce.workspace_id = ${ctx.workspaceId} and ce.email = any(array(select jsonb_array_elements_text(${JSON.stringify(emails)}::jsonb)))`,
  );
  for (const h of list) map.set(h.email, h.live ? { live: h.contact_id } : (map.get(h.email) ?? {}));
  return map;
}

async function writeCreates(
  ctx: Ctx,
  list: Row[],
  run: RunSettings,
  companyOf: (r: Row) => string | null,
  heldByDeleted: (email: string) => boolean,
) {
  if (!list.length) return;
  const now = new Date().toISOString();
  const cols: ContactColumns[] = [];
  const emails: { contact_id: string; email: string; is_primary: boolean }[] = [];
  const phones: { contact_id: string; phone: string; kind: string; is_primary: boolean }[] = [];
  const links: { contact_id: string; company_id: string }[] = [];
  const stages: { contact_id: string; from_stage: null; to_stage: string }[] = [];
  const external: { external_id: string; record_id: string }[] = [];
  for (const row of list) {
    const r = row.record;
    const id = newId();
    const companyId = companyOf(row);
    cols.push({
      id,
      first_name: r.firstName ?? '',
      last_name: r.lastName ?? '',
      display_name: displayNameOf(r.firstName ?? '', r.lastName ?? '', r.email, r.phones[0]?.phone ?? null)!,
      email: r.email,
      phone: r.phones[0]?.phone ?? null,
      title: r.title ?? null,
      owner_id: r.ownerId ?? ctx.actor.userId ?? null,
      company_id: companyId,
      lifecycle_stage: r.lifecycleStage ?? null,
      lifecycle_changed_at: r.lifecycleStage ? now : null,
      lead_status: r.leadStatus ?? null,
      lead_status_reason: r.leadStatusReason ?? null,
      source: r.source ?? 'import',
      do_not_contact: r.doNotContact ?? false,
      tags: r.tags ?? [],
      custom: r.custom ?? {},
    });
    if (r.email) emails.push({ contact_id: id, email: r.email, is_primary: true });
    for (const p of r.phones) phones.push({ contact_id: id, phone: p.phone, kind: p.kind, is_primary: p.isPrimary });
    if (companyId) links.push({ contact_id: id, company_id: companyId });
    if (r.lifecycleStage) stages.push({ contact_id: id, from_stage: null, to_stage: r.lifecycleStage });
    if (r.externalId) external.push({ external_id: r.externalId, record_id: id });
  }
  await insertContacts(ctx, cols);
  await insertEmails(ctx, emails, heldByDeleted);
  await insertPhones(ctx, phones);
  await linkCompanies(ctx, links, true);
  await appendLifecycles(ctx, stages);
  await linkExternalIds(ctx, 'contact', external);
  await recordChanges(
    ctx,
    run.importId,
    'contact',
    cols.map((c, i) => ({ record_id: c.id, action: 'created' as const, row_number: list[i]!.rowNumber })),
  );
  // Leads without an owner cell go through the routing rules, as a contact created through the API does.
  await routeImportedLeads(
    ctx,
    cols.filter((_, i) => list[i]!.record.ownerId === undefined).map((c) => ({ id: c.id, defaultOwner: c.owner_id })),
  );
}

/** Given values overwrite, tags and custom values add to what the contact has; new emails and phones are added. */
function afterOf(b: ContactBefore, r: ContactRecord, companyId: string | null, now: string): ContactColumns {
  const firstName = r.firstName ?? b.first_name;
  const lastName = r.lastName ?? b.last_name;
  const email = b.email ?? r.email;
  const phone = b.phone ?? r.phones[0]?.phone ?? null;
  const stageChanged = r.lifecycleStage !== undefined && r.lifecycleStage !== b.lifecycle_stage;
  return {
    id: b.id,
    first_name: firstName,
    last_name: lastName,
    display_name: displayNameOf(firstName, lastName, email, phone) ?? b.display_name,
    email,
    phone,
    title: r.title ?? b.title,
    owner_id: r.ownerId ?? b.owner_id,
    company_id: companyId ?? b.company_id,
    lifecycle_stage: r.lifecycleStage ?? b.lifecycle_stage,
    lifecycle_changed_at: stageChanged ? now : b.lifecycle_changed_at,
    lead_status: r.leadStatus ?? b.lead_status,
    lead_status_reason:
      r.leadStatus && r.leadStatus !== 'unqualified' && !r.leadStatusReason ? null : (r.leadStatusReason ?? b.lead_status_reason),
    source: r.source ?? b.source,
    do_not_contact: r.doNotContact ?? b.do_not_contact,
    tags: r.tags ? cleanTags([...b.tags, ...r.tags], ['tags'])!.slice(0, 50) : b.tags,
    custom: r.custom ? mergeCustom(b.custom, r.custom) : b.custom,
  };
}

async function writeUpdates(
  ctx: Ctx,
  list: { row: Row; id: string }[],
  run: RunSettings,
  companyOf: (r: Row) => string | null,
  heldByDeleted: (email: string) => boolean,
) {
  if (!list.length) return;
  const before = await loadBefore(ctx, [...new Set(list.map((u) => u.id))]);
  const now = new Date().toISOString();
  const after = new Map<string, ContactColumns>();
  const emails: { contact_id: string; email: string; is_primary: boolean }[] = [];
  const phones: { contact_id: string; phone: string; kind: string; is_primary: boolean }[] = [];
  const links: { contact_id: string; company_id: string }[] = [];
  const stages: { contact_id: string; from_stage: string | null; to_stage: string }[] = [];
  const external: { external_id: string; record_id: string }[] = [];
  const changes: { record_id: string; action: 'updated'; row_number: number; before: ContactBefore }[] = [];
  for (const { row, id } of list) {
    const b = before.get(id);
    if (!b) continue;
    const prev = after.get(id) ?? b;
    const companyId = companyOf(row);
    const a = afterOf({ ...b, ...prev }, row.record, companyId, now);
    after.set(id, a);
    changes.push({ record_id: id, action: 'updated', row_number: row.rowNumber, before: b });
    const r = row.record;
    if (r.email && !b.emails.includes(r.email) && !emails.some((e) => e.email === r.email))
      emails.push({ contact_id: id, email: r.email, is_primary: b.emails.length === 0 });
    for (const p of r.phones)
      if (!b.phones.some((x) => x.phone === p.phone))
        phones.push({ contact_id: id, phone: p.phone, kind: p.kind, is_primary: !b.phone && p.isPrimary });
    if (companyId && companyId !== prev.company_id) links.push({ contact_id: id, company_id: companyId });
    if (a.lifecycle_stage !== prev.lifecycle_stage)
      stages.push({ contact_id: id, from_stage: prev.lifecycle_stage, to_stage: a.lifecycle_stage! });
    if (r.externalId) external.push({ external_id: r.externalId, record_id: id });
  }
  await recordChanges(ctx, run.importId, 'contact', changes);
  await setContacts(ctx, [...after.values()]);
  await insertEmails(ctx, emails, heldByDeleted);
  await insertPhones(ctx, phones);
  await linkCompanies(ctx, links);
  await appendLifecycles(ctx, stages);
  await linkExternalIds(ctx, 'contact', external);
}
