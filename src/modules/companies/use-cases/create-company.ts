import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import { validateCustomValues } from '../../custom-fields/index.ts';
import { assertDomainFree, assertMember, assertParent, checkDomain, cleanTags } from '../company-rules.ts';
import { type Company, toCompany } from '../queries/company-shape.ts';
import { companies } from '../schema.ts';
import { type CompanyInput, plainColumns } from './company-input.ts';

/**
 * Creates a company. The domain is normalized and unique among live companies (409
 * company_domain_taken names the existing one); the owner defaults to the creating user.
 */
export async function createCompany(ctx: Ctx, input: CompanyInput): Promise<Company> {
  if (!input.name?.trim()) throw new AppError('validation_failed', 'Give the company a name.', { path: ['body', 'name'] });
  const domain = checkDomain(input.domain, ['body', 'domain']);
  const tags = cleanTags(input.tags, ['body', 'tags']) ?? [];
  const ownerId = input.ownerId === undefined ? (ctx.actor.userId ?? null) : input.ownerId;
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    await assertMember(c, ownerId, ['body', 'ownerId']);
    await assertParent(c, null, input.parentCompanyId, ['body', 'parentCompanyId']);
    await assertDomainFree(c, domain, null, ['body', 'domain']);
    const custom = await validateCustomValues(c, 'company', input.custom);
    const currency = input.annualRevenue != null && !input.annualRevenueCurrency ? await workspaceCurrency(c) : undefined;
    const [row] = await tx
      .insert(companies)
      .values({
        workspaceId: ctx.workspaceId,
        name: input.name.trim(),
        ...plainColumns(input),
        ...(currency && { annualRevenueCurrency: currency }),
        domain,
        ownerId,
        parentCompanyId: input.parentCompanyId ?? null,
        tags,
        custom,
      })
      .returning();
    const company = toCompany(row!);
    await recordAudit(c, { action: 'company.created', entityType: 'company', entityId: company.id, after: company });
    await emitEvent(c, {
      type: 'company.created',
      entityType: 'company',
      entityId: company.id,
      data: { name: company.name, domain, ownerId },
    });
    return company;
  });
}

/** The workspace's currency, for revenue given without one. */
export async function workspaceCurrency(ctx: Ctx): Promise<string> {
  const [w] = await rows<{ currency: string }>(ctx.db, sql`select currency from workspaces where id = ${ctx.workspaceId}`);
  return w?.currency ?? 'USD';
}
