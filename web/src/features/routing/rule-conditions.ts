import { emptyFilter, type FilterModel, fromAst, toAst } from '../records/filter-ast.ts';

/** A rule's conditions as two builders: the lead's own fields and its company's (territory, industry, size). */
export interface RuleConditions {
  lead: FilterModel;
  company: FilterModel;
}

const isCompanyPredicate = (n: unknown): n is { predicate: 'company'; where?: unknown } =>
  !!n && typeof n === 'object' && (n as { predicate?: unknown }).predicate === 'company';

/** Splits saved conditions into the two builders; null when they were written in a shape the builders cannot show. */
export function splitConditions(ast: unknown): RuleConditions | null {
  const parts = ast && typeof ast === 'object' && Array.isArray((ast as { and?: unknown }).and) ? (ast as { and: unknown[] }).and : [ast];
  let lead: FilterModel | null = emptyFilter;
  let company: FilterModel | null = emptyFilter;
  const leadParts: unknown[] = [];
  for (const p of parts) {
    if (p === undefined || p === null) continue;
    if (isCompanyPredicate(p)) company = fromAst(p.where);
    else leadParts.push(p);
  }
  if (leadParts.length === 1) lead = fromAst(leadParts[0]);
  else if (leadParts.length > 1) lead = fromAst({ and: leadParts });
  return lead && company ? { lead, company } : null;
}

/** The two builders as one filter: all lead conditions and the company matching its conditions. */
export function joinConditions(c: RuleConditions): unknown {
  const lead = toAst(c.lead);
  const company = toAst(c.company);
  const parts = [lead, company ? { predicate: 'company', where: company } : undefined].filter(Boolean);
  return { and: parts };
}
