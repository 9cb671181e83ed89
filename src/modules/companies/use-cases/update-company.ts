import { eq } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { AppError } from '../../../kernel/errors.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import { validateCustomValues } from '../../custom-fields/index.ts';
import { assertDomainFree, assertMember, assertParent, checkDomain, cleanTags } from '../company-rules.ts';
import { type Company, toCompany } from '../queries/company-shape.ts';
import { loadCompanyForUpdate } from '../queries/get-company.ts';
import { companies } from '../schema.ts';
import { type CompanyInput, plainColumns } from './company-input.ts';
import { workspaceCurrency } from './create-company.ts';

/** Merges custom values into the stored ones; null removes a key. */
export function mergeCustom(before: Record<string, unknown>, changes: Record<string, unknown>) {
  const merged = { ...before, ...changes };
  for (const [k, v] of Object.entries(changes)) if (v === null) delete merged[k];
  return merged;
}

/** Keys whose values differ between two shapes (for the event's `changed` list). */
export function changedKeys<T extends object>(before: T, after: T): string[] {
  return (Object.keys(after) as (keyof T)[]).filter(
    (k) => k !== 'updatedAt' && JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  ) as string[];
}

/** Changes some fields of a company; the same rules as create apply to what is given. */
export async function updateCompany(ctx: Ctx, id: string, input: Partial<CompanyInput>): Promise<Company> {
  if (input.name !== undefined && !input.name.trim())
    throw new AppError('validation_failed', 'A company name cannot be empty.', { path: ['body', 'name'] });
  const domain = input.domain === undefined ? undefined : checkDomain(input.domain, ['body', 'domain']);
  const tags = cleanTags(input.tags, ['body', 'tags']);
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const row = await loadCompanyForUpdate(c, id);
    if (input.ownerId !== undefined) await assertMember(c, input.ownerId, ['body', 'ownerId']);
    if (input.parentCompanyId !== undefined) await assertParent(c, id, input.parentCompanyId, ['body', 'parentCompanyId']);
    if (domain !== undefined && domain !== row.domain) await assertDomainFree(c, domain, id, ['body', 'domain']);
    const custom =
      input.custom === undefined
        ? undefined
        : mergeCustom(row.custom, await validateCustomValues(c, 'company', input.custom, { partial: true, recordId: id }));
    const needsCurrency = input.annualRevenue != null && !input.annualRevenueCurrency && !row.annualRevenueCurrency;
    const [updated] = await tx
      .update(companies)
      .set({
        ...plainColumns(input),
        ...(needsCurrency && { annualRevenueCurrency: await workspaceCurrency(c) }),
        ...(domain !== undefined && { domain }),
        ...(input.ownerId !== undefined && { ownerId: input.ownerId }),
        ...(input.parentCompanyId !== undefined && { parentCompanyId: input.parentCompanyId }),
        ...(tags && { tags }),
        ...(custom && { custom }),
        updatedAt: new Date(),
      })
      .where(eq(companies.id, id))
      .returning();
    const before = toCompany(row);
    const after = toCompany(updated!);
    const changed = changedKeys(before, after);
    await recordAudit(c, { action: 'company.updated', entityType: 'company', entityId: id, before, after });
    if (changed.length)
      await emitEvent(c, {
        type: 'company.updated',
        entityType: 'company',
        entityId: id,
        data: { changed, name: after.name, domain: after.domain },
      });
    return after;
  });
}
