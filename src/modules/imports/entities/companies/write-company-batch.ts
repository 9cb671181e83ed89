import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../../kernel/context.ts';
import { newId } from '../../../../kernel/db/columns.ts';
import { rows } from '../../../../kernel/db/index.ts';
import { cleanTags, mergeCustom, workspaceCurrency } from '../../../companies/index.ts';
import type { CustomFieldDef } from '../../../custom-fields/index.ts';
import { changedByThisImport, findByExternalId, foldDuplicates, linkExternalIds, Outcome, recordChanges } from '../batch-tools.ts';
import type { Checked, RunSettings } from '../entity.ts';
import { recordset } from '../row-values.ts';
import { claimUniqueValues } from '../unique-values.ts';
import type { CompanyRecord } from './check-company-row.ts';

type Row = Extract<Checked<CompanyRecord>, { ok: true }>;

/** The stored columns an import may change (and undo restores). */
export interface CompanyColumns {
  id: string;
  name: string;
  domain: string | null;
  industry: string | null;
  employee_count: number | null;
  annual_revenue: number | null;
  annual_revenue_currency: string | null;
  country: string | null;
  region: string | null;
  owner_id: string | null;
  tags: string[];
  custom: Record<string, unknown>;
}
const columnTypes =
  'id uuid, name text, domain text, industry text, employee_count int, annual_revenue bigint, annual_revenue_currency text, country text, region text, owner_id uuid, tags text[], custom jsonb';

function mergeRecords(into: Row, from: Row) {
  const a = into.record;
  const b = from.record;
  const tags = a.tags || b.tags ? cleanTags([...(a.tags ?? []), ...(b.tags ?? [])], ['tags'])!.slice(0, 50) : undefined;
  const custom = a.custom || b.custom ? { ...a.custom, ...b.custom } : undefined;
  Object.assign(a, Object.fromEntries(Object.entries(b).filter(([, v]) => v !== undefined && v !== null)), { tags, custom });
}

/** Writes one batch of company rows set-based, keyed by normalized domain (unique among live companies) or external id. */
export async function writeCompanyBatch(ctx: Ctx, input: Row[], run: RunSettings, defs: CustomFieldDef[]): Promise<Outcome> {
  const out = new Outcome();
  const keyField = run.key === 'domain' ? 'domain' : 'external_id';
  const keyOf = (r: Row) => (run.key === 'domain' ? r.record.domain : r.record.externalId);
  const batch = foldDuplicates(input, keyOf, run, out, mergeRecords, keyField);
  const domains = [...new Set(batch.map((r) => r.record.domain).filter((d): d is string => !!d))];
  const byDomain = new Map<string, string>();
  if (domains.length)
    for (const c of await rows<{ id: string; domain: string }>(
      ctx.db,
      sql`select id, domain from companies where workspace_id = ${ctx.workspaceId} and deleted_at is null
          and domain = any(array(select jsonb_array_elements_text(${JSON.stringify(domains)}::jsonb)))`,
    ))
      byDomain.set(c.domain, c.id);
  const byExternal =
    run.key === 'external_id'
      ? await findByExternalId(
          ctx,
          'company',
          'companies',
          batch.map((r) => r.record.externalId).filter((x): x is string => !!x),
        )
      : new Map<string, string>();
  const matchOf = (r: Row) => {
    const k = keyOf(r);
    return k ? (run.key === 'domain' ? byDomain.get(k) : byExternal.get(k)) : undefined;
  };
  const seen = await changedByThisImport(
    ctx,
    run.importId,
    'company',
    batch.map(matchOf).filter((x): x is string => !!x),
  );
  const required = defs.filter((d) => d.required);
  const claimed = new Set<string>();
  const allCreates: Row[] = [];
  const allUpdates: { row: Row; id: string }[] = [];
  for (const r of batch) {
    const k = keyOf(r);
    const id = matchOf(r);
    const earlier = id ? seen.get(id) : undefined;
    const holder = r.record.domain ? byDomain.get(r.record.domain) : undefined;
    if (id && earlier !== undefined && run.duplicatesInFile === 'report')
      out.reject(r.rowNumber, 'failed', keyField, run, k, `Duplicate of row ${earlier} (same ${keyField}); fix or remove one of them.`);
    else if (id && run.mode === 'create' && earlier === undefined)
      out.reject(
        r.rowNumber,
        'skipped',
        keyField,
        run,
        k,
        `A company with this ${keyField} exists (${id}); import with mode update or upsert to change it.`,
      );
    else if ((holder && holder !== id) || (r.record.domain && claimed.has(r.record.domain)))
      out.reject(
        r.rowNumber,
        'failed',
        'domain',
        run,
        r.record.domain,
        `Another company already has the domain ${r.record.domain}; a domain belongs to one company.`,
      );
    else if (id) allUpdates.push({ row: r, id });
    else if (run.mode === 'update')
      out.reject(
        r.rowNumber,
        'skipped',
        keyField,
        run,
        k,
        k ? `No company has this ${keyField}; nothing to update.` : `The ${keyField} is empty; an update needs it.`,
      );
    else if (!r.record.name) out.reject(r.rowNumber, 'failed', 'name', run, null, 'Give the company a name.');
    else if (required.some((d) => r.record.custom?.[d.key] === undefined)) {
      const d = required.find((x) => r.record.custom?.[x.key] === undefined)!;
      out.reject(r.rowNumber, 'failed', `custom.${d.key}`, run, null, `${d.label} (${d.key}) is required for new companies.`);
    } else allCreates.push(r);
    if (r.record.domain) claimed.add(r.record.domain);
  }
  const notUnique = await claimUniqueValues(
    ctx,
    'company',
    defs,
    [
      ...allCreates.map((r) => ({ rowNumber: r.rowNumber, id: null, custom: r.record.custom })),
      ...allUpdates.map((u) => ({ rowNumber: u.row.rowNumber, id: u.id, custom: u.row.record.custom })),
    ],
    run,
    out,
  );
  const creates = allCreates.filter((r) => !notUnique.has(r.rowNumber));
  const updates = allUpdates.filter((u) => !notUnique.has(u.row.rowNumber));
  const currency = batch.some((r) => r.record.annualRevenue !== undefined && !r.record.annualRevenueCurrency)
    ? await workspaceCurrency(ctx)
    : null;
  const created: CompanyColumns[] = creates.map(({ record: r }) => ({
    id: newId(),
    name: r.name!,
    domain: r.domain,
    industry: r.industry ?? null,
    employee_count: r.employeeCount ?? null,
    annual_revenue: r.annualRevenue ?? null,
    annual_revenue_currency: r.annualRevenueCurrency ?? (r.annualRevenue !== undefined ? currency : null),
    country: r.country ?? null,
    region: r.region ?? null,
    owner_id: r.ownerId ?? ctx.actor.userId ?? null,
    tags: r.tags ?? [],
    custom: r.custom ?? {},
  }));
  if (created.length)
    await ctx.db.execute(sql`
      insert into companies (id, workspace_id, name, domain, industry, employee_count, annual_revenue, annual_revenue_currency, country, region, owner_id, tags, custom)
      select x.id, ${ctx.workspaceId}, x.name, x.domain, x.industry, x.employee_count, x.annual_revenue, x.annual_revenue_currency, x.country, x.region,
        x.owner_id, coalesce(x.tags, '{}'), coalesce(x.custom, '{}') from ${recordset(created, columnTypes)}`);
  await recordChanges(
    ctx,
    run.importId,
    'company',
    created.map((c, i) => ({ record_id: c.id, action: 'created' as const, row_number: creates[i]!.rowNumber })),
  );
  const external = created.flatMap((c, i) =>
    creates[i]!.record.externalId ? [{ external_id: creates[i]!.record.externalId!, record_id: c.id }] : [],
  );
  if (updates.length) {
    const before = new Map(
      (
        await rows<CompanyColumns>(
          ctx.db,
          sql`select id, name, domain, industry, employee_count, annual_revenue, annual_revenue_currency, country, region, owner_id, tags, custom
              from companies where workspace_id = ${ctx.workspaceId} and id = any(array(select (jsonb_array_elements_text(${JSON.stringify(updates.map((u) => u.id))}::jsonb))::uuid)) for update`,
        )
      ).map((b) => [b.id, { ...b, annual_revenue: b.annual_revenue === null ? null : Number(b.annual_revenue) }]),
    );
    const after = new Map<string, CompanyColumns>();
    const changes: { record_id: string; action: 'updated'; row_number: number; before: CompanyColumns }[] = [];
    for (const { row, id } of updates) {
      const b = before.get(id);
      if (!b) continue;
      const p = after.get(id) ?? b;
      const r = row.record;
      after.set(id, {
        ...p,
        name: r.name ?? p.name,
        domain: r.domain ?? p.domain,
        industry: r.industry ?? p.industry,
        employee_count: r.employeeCount ?? p.employee_count,
        annual_revenue: r.annualRevenue ?? p.annual_revenue,
        annual_revenue_currency:
          r.annualRevenueCurrency ?? (r.annualRevenue !== undefined ? (p.annual_revenue_currency ?? currency) : p.annual_revenue_currency),
        country: r.country ?? p.country,
        region: r.region ?? p.region,
        owner_id: r.ownerId ?? p.owner_id,
        tags: r.tags ? cleanTags([...p.tags, ...r.tags], ['tags'])!.slice(0, 50) : p.tags,
        custom: r.custom ? mergeCustom(p.custom, r.custom) : p.custom,
      });
      changes.push({ record_id: id, action: 'updated', row_number: row.rowNumber, before: b });
      if (r.externalId) external.push({ external_id: r.externalId, record_id: id });
    }
    await recordChanges(ctx, run.importId, 'company', changes);
    await setCompanies(ctx, [...after.values()]);
  }
  await linkExternalIds(ctx, 'company', external);
  out.created += created.length;
  out.updated += updates.length;
  out.written += created.length + updates.length;
  return out;
}

/** Sets every listed column (after-values of an update, or before-values on undo). */
export async function setCompanies(ctx: Ctx, list: CompanyColumns[]) {
  if (!list.length) return;
  await ctx.db.execute(sql`
    update companies c set name = x.name, domain = x.domain, industry = x.industry, employee_count = x.employee_count,
      annual_revenue = x.annual_revenue, annual_revenue_currency = x.annual_revenue_currency, country = x.country, region = x.region,
      owner_id = x.owner_id, tags = coalesce(x.tags, '{}'), custom = coalesce(x.custom, '{}'), updated_at = now()
    from ${recordset(list, columnTypes)}
    where c.workspace_id = ${ctx.workspaceId} and c.id = x.id`);
}
