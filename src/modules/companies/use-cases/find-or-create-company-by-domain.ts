import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { nameFromDomain, normalizeDomain } from '../domain.ts';
import { type Company, toCompany } from '../queries/company-shape.ts';
import { companies } from '../schema.ts';
import { createCompany } from './create-company.ts';

/**
 * The live company with this domain, created (named after the domain unless `name` is given) when
 * there is none. Runs in the caller's transaction when ctx.db is one; the domain lock makes two
 * concurrent calls agree on one company. Visibility rules do not apply: this links records, it does not show them.
 */
export async function findOrCreateCompanyByDomain(
  ctx: Ctx,
  rawDomain: string,
  name?: string,
): Promise<{ company: Company; created: boolean }> {
  const domain = normalizeDomain(rawDomain);
  if (!domain)
    throw new AppError('validation_failed', `"${rawDomain.slice(0, 100)}" is not a domain; give one like acme.com.`, { path: ['domain'] });
  return ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`company-domain:${ctx.workspaceId}:${domain}`}))`);
    const [existing] = await tx
      .select()
      .from(companies)
      .where(and(inWorkspace(companies.workspaceId, ctx, eq(companies.domain, domain)), isNull(companies.deletedAt)))
      .limit(1);
    if (existing) return { company: toCompany(existing), created: false };
    return { company: await createCompany({ ...ctx, db: tx }, { name: name?.trim() || nameFromDomain(domain), domain }), created: true };
  });
}
