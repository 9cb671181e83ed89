import type { Ctx } from '../../../../kernel/context.ts';
import { checkDomain, cleanTags } from '../../../companies/index.ts';
import { cleanEmails } from '../../../contacts/index.ts';
import type { CustomFieldDef } from '../../../custom-fields/index.ts';
import { checkCurrency, minorDigits, type Pipeline, type Stage } from '../../../sales/index.ts';
import { normalizeName } from '../../mapping/normalize.ts';
import type { CompanyRef } from '../company-links.ts';
import type { Checked, MappedRow } from '../entity.ts';
import { checkCustom, ownerOf, parseAmount, RowProblems, splitList } from '../row-values.ts';

/** A deal row as it will be stored; optional fields are the ones the row gives (empty cells change nothing). */
export interface DealRecord {
  externalId: string | null;
  name?: string;
  pipelineId?: string;
  stage?: Pick<Stage, 'id' | 'name' | 'type'>;
  /** Minor units of `currency`. */
  amount?: number;
  currency?: string;
  closeDate?: string;
  ownerId?: string;
  company: CompanyRef | null;
  contactEmails?: string[];
  source?: string;
  nextStep?: string;
  lossReason?: string;
  tags?: string[];
  custom?: Record<string, unknown>;
}

export interface DealCheckSetup {
  defs: CustomFieldDef[];
  region: string | null;
  members: Map<string, string>;
  pipelines: Pipeline[];
  currency: string;
}

/** Maps a path of the sales rules (body.stageId, body.custom.x) to the import field it came from. */
export const dealFieldOfPath = (path: (string | number)[]): string | null => {
  const p = path.filter((x) => x !== 'body');
  const head = p[0];
  if (head === 'custom') return p[1] === undefined ? null : `custom.${p[1]}`;
  const map: Record<string, string> = {
    name: 'name',
    amount: 'amount',
    currency: 'currency',
    closeDate: 'close_date',
    ownerId: 'owner_email',
    companyId: 'company_domain',
    contacts: 'contact_emails',
    stageId: 'stage',
    pipelineId: 'pipeline',
    source: 'source',
    nextStep: 'next_step',
    lossReason: 'loss_reason',
    tags: 'tags',
  };
  return typeof head === 'string' ? (map[head] ?? null) : 'stage';
};

/** "2024-05-01", "2024-05-01T10:00:00Z", "2024-05-01 10:00" or "01.05.2024" → YYYY-MM-DD; undefined otherwise (US/UK slashes are ambiguous). */
export function parseDay(raw: string): string | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(raw);
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(raw);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : dotted ? [dotted[3], dotted[2], dotted[1]] : [];
  if (!y) return undefined;
  const day = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  const t = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === day ? day : undefined;
}

const byName = <T extends { name: string }>(list: T[], raw: string) => list.find((x) => normalizeName(x.name) === normalizeName(raw));

/**
 * Checks a deal row with the sales rules that need no other row: currency (ISO 4217), amount in currency
 * units → minor units, pipeline and stage by name, close date, owner, contact emails, tags, custom
 * fields. Stage requirements, companies and contacts are checked when the batch is written.
 */
export async function checkDealRow(ctx: Ctx, row: MappedRow, setup: DealCheckSetup): Promise<Checked<DealRecord>> {
  const problems = new RowProblems(row);
  const v = (k: string) => row.cells.get(k)?.value.trim() || undefined;
  const record: DealRecord = { externalId: v('external_id') ?? null, company: null };
  const name = v('name');
  if (name !== undefined) {
    if (name.length > 200) problems.add('name', 'A deal name has at most 200 characters.');
    record.name = name;
  }
  let currency = setup.currency;
  if (v('currency')) {
    try {
      currency = checkCurrency(v('currency')!, ['currency']);
      record.currency = currency;
    } catch (err) {
      problems.addError(err, dealFieldOfPath);
    }
  }
  if (v('amount') !== undefined) {
    const n = parseAmount(v('amount')!);
    if (n === undefined || n < 0) problems.add('amount', 'The amount must be a number of zero or more, in currency units (e.g. 12500.00).');
    else record.amount = Math.round(n * 10 ** minorDigits(currency));
  }
  const pipelineCell = v('pipeline');
  const pipeline = pipelineCell ? byName(setup.pipelines, pipelineCell) : undefined;
  if (pipelineCell && !pipeline)
    problems.add('pipeline', `No pipeline is named "${pipelineCell}"; use one of: ${setup.pipelines.map((p) => p.name).join(', ')}.`);
  if (pipeline) record.pipelineId = pipeline.id;
  const stageCell = v('stage');
  if (stageCell && (pipeline || !pipelineCell)) {
    const where = pipeline ? [pipeline] : setup.pipelines;
    const found = where.map((p) => ({ p, s: byName(p.stages, stageCell) })).find((x) => x.s);
    if (!found)
      problems.add(
        'stage',
        `No stage is named "${stageCell}"${pipeline ? ` in pipeline "${pipeline.name}"` : ''}; use one of: ${(pipeline ?? setup.pipelines[0])?.stages.map((s) => s.name).join(', ')}.`,
      );
    else {
      record.stage = { id: found.s!.id, name: found.s!.name, type: found.s!.type };
      record.pipelineId = found.p.id;
    }
  }
  if (v('close_date') !== undefined) {
    const day = parseDay(v('close_date')!);
    if (!day) problems.add('close_date', 'Write the close date as YYYY-MM-DD (e.g. 2025-03-31).');
    else record.closeDate = day;
  }
  record.ownerId = ownerOf(row, setup.members, problems);
  const domainCell = v('company_domain');
  const companyName = v('company_name');
  if (domainCell || companyName) {
    let domain: string | null = null;
    if (domainCell)
      try {
        domain = checkDomain(domainCell, ['company_domain']);
      } catch (err) {
        problems.addError(err, () => 'company_domain');
      }
    if (domain || companyName) record.company = { domain, name: companyName ?? null, rowNumber: row.rowNumber };
  }
  if (v('contact_emails') !== undefined) {
    try {
      record.contactEmails = cleanEmails(splitList(v('contact_emails')!).map((email) => ({ email }))).map((e) => e.email);
    } catch (err) {
      problems.addError(err, () => 'contact_emails');
    }
  }
  for (const [k, key] of [
    ['source', 'source'],
    ['next_step', 'nextStep'],
    ['loss_reason', 'lossReason'],
  ] as const) {
    const x = v(k);
    if (x === undefined) continue;
    if (x.length > 500) problems.add(k, 'At most 500 characters.');
    else record[key] = x;
  }
  if (v('tags') !== undefined) {
    try {
      record.tags = cleanTags(splitList(v('tags')!), ['tags'])!;
    } catch (err) {
      problems.addError(err, () => 'tags');
    }
  }
  record.custom = await checkCustom(ctx, 'deal', row, setup, problems, dealFieldOfPath);
  if (problems.list.length) return { ok: false, rowNumber: row.rowNumber, errors: problems.list };
  const values: Record<string, unknown> = {
    external_id: record.externalId,
    name: record.name,
    amount: record.amount,
    currency: record.currency ?? setup.currency,
    pipeline: setup.pipelines.find((p) => p.id === record.pipelineId)?.name,
    stage: record.stage?.name,
    close_date: record.closeDate,
    owner_id: record.ownerId,
    company: record.company?.domain ?? record.company?.name,
    contact_emails: record.contactEmails,
    source: record.source,
    next_step: record.nextStep,
    loss_reason: record.lossReason,
    tags: record.tags,
    custom: record.custom,
  };
  return { ok: true, rowNumber: row.rowNumber, record, values };
}
