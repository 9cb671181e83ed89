import type { Ctx } from '../../../../kernel/context.ts';
import { checkDomain, cleanTags, normalizeDomain } from '../../../companies/index.ts';
import {
  checkLeadStatus,
  cleanEmails,
  cleanPhones,
  contactTypes,
  emailDomain,
  isFreeMailDomain,
  type LeadStatus,
  type LifecycleStage,
  leadStatuses,
  lifecycleStages,
} from '../../../contacts/index.ts';
import type { CustomFieldDef } from '../../../custom-fields/index.ts';
import { normalizeName } from '../../mapping/normalize.ts';
import type { CompanyRef } from '../company-links.ts';
import type { Checked, MappedRow } from '../entity.ts';
import { checkCustom, ownerOf, parseBoolean, RowProblems } from '../row-values.ts';

/** A contact row as it will be stored; optional fields are the ones the row gives (empty cells change nothing). */
export interface ContactRecord {
  externalId: string | null;
  firstName?: string;
  lastName?: string;
  email: string | null;
  phones: { phone: string; kind: string; isPrimary: boolean }[];
  title?: string;
  ownerId?: string;
  company: CompanyRef | null;
  /** The work email's company, used like the API does only when a new contact has no company column. */
  emailCompany: CompanyRef | null;
  lifecycleStage?: LifecycleStage;
  leadStatus?: LeadStatus;
  leadStatusReason?: string;
  source?: string;
  tags?: string[];
  doNotContact?: boolean;
  custom?: Record<string, unknown>;
}

export interface ContactCheckSetup {
  defs: CustomFieldDef[];
  region: string | null;
  members: Map<string, string>;
  /** Whether a column maps to company_domain or company_name (then the email never picks the company). */
  companyMapped: boolean;
}

const stageAliases = new Map<string, string>([
  ...lifecycleStages.map((s) => [normalizeName(s), s] as [string, string]),
  ['marketingqualifiedlead', 'marketing_qualified'],
  ['mql', 'marketing_qualified'],
  ['salesqualifiedlead', 'sales_qualified'],
  ['sql', 'sales_qualified'],
]);
const statusAliases = new Map<string, string>([
  ...leadStatuses.map((s) => [normalizeName(s), s] as [string, string]),
  ['open', 'new'],
  ['attemptedtocontact', 'attempting'],
  ['attemptedtoconnect', 'attempting'],
  ['inprogress', 'attempting'],
  ['opendeal', 'qualified'],
]);

/** Import field ← the API body path a rule names in its error. */
function fieldOfPath(path: (string | number)[]): string | null {
  const [head, index] = path;
  if (head === 'custom') return typeof index === 'string' ? `custom.${index}` : null;
  if (head === 'phones') return index === 1 ? 'mobile_phone' : 'phone';
  if (head === 'emails') return 'email';
  const map: Record<string, string> = {
    firstName: 'first_name',
    lastName: 'last_name',
    title: 'title',
    ownerId: 'owner_email',
    tags: 'tags',
    source: 'source',
    lifecycleStage: 'lifecycle_stage',
    leadStatus: 'lead_status',
    leadStatusReason: 'lead_status_reason',
    doNotContact: 'do_not_contact',
  };
  return typeof head === 'string' ? (map[head] ?? head) : null;
}

/**
 * Checks one contact row with the API's own rules: the request schema (lengths, enums), email and
 * phone normalization, tags, lead status and custom-field validation — so an import stores exactly
 * what POST /api/contacts would. Labels other CRMs export ("Marketing Qualified Lead") map to stage keys.
 */
export async function checkContactRow(ctx: Ctx, row: MappedRow, setup: ContactCheckSetup): Promise<Checked<ContactRecord>> {
  const problems = new RowProblems(row);
  const v = (k: string) => row.cells.get(k)?.value.trim();
  let firstName = v('first_name');
  let lastName = v('last_name');
  const full = v('full_name');
  if (full && firstName === undefined && lastName === undefined) {
    const at = full.lastIndexOf(' ');
    [firstName, lastName] = at > 0 ? [full.slice(0, at).trim(), full.slice(at + 1)] : [full, undefined];
  }
  const stage = v('lifecycle_stage');
  const status = v('lead_status');
  const dnc = v('do_not_contact');
  const doNotContact = dnc === undefined ? undefined : parseBoolean(dnc);
  if (dnc !== undefined && doNotContact === undefined) problems.add('do_not_contact', 'must be yes or no (true/false, 1/0)');
  const body = {
    firstName,
    lastName,
    emails: v('email') ? [{ email: v('email')! }] : undefined,
    phones: [
      ...(v('phone') ? [{ phone: v('phone')!, kind: 'work' as const }] : []),
      ...(v('mobile_phone') ? [{ phone: v('mobile_phone')!, kind: 'mobile' as const }] : []),
    ],
    title: v('title'),
    tags: v('tags')?.split(/[;,]/),
    source: v('source'),
    lifecycleStage: stage === undefined ? undefined : (stageAliases.get(normalizeName(stage)) ?? stage),
    leadStatus: status === undefined ? undefined : (statusAliases.get(normalizeName(status)) ?? status),
    leadStatusReason: v('lead_status_reason'),
    doNotContact,
  };
  const parsed = contactTypes.contactBody.safeParse(body);
  if (!parsed.success) problems.addZod(parsed.error, fieldOfPath);
  const rule = <T>(fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (err) {
      problems.addError(err, fieldOfPath);
      return undefined;
    }
  };
  const email = parsed.success ? (rule(() => cleanEmails(body.emails))?.[0]?.email ?? null) : null;
  const phones = parsed.success ? (rule(() => cleanPhones(body.phones, setup.region)) ?? []) : [];
  const tags = body.tags ? rule(() => cleanTags(body.tags, ['tags'])) : undefined;
  if (parsed.success) rule(() => checkLeadStatus(parsed.data.leadStatus, parsed.data.leadStatusReason, null));
  const ownerId = ownerOf(row, setup.members, problems);
  const domainCell = v('company_domain');
  const domain = domainCell ? rule(() => checkDomain(domainCell, ['company_domain'])) : null;
  const companyName = v('company_name')?.slice(0, 200) || null;
  const company: CompanyRef | null = domain || companyName ? { domain: domain ?? null, name: companyName, rowNumber: row.rowNumber } : null;
  // Like the API: without a company, the work email's domain finds or creates one (never free-mail).
  let emailCompany: CompanyRef | null = null;
  if (!setup.companyMapped && email) {
    const d = emailDomain(email);
    const wd = isFreeMailDomain(d) ? null : normalizeDomain(d);
    if (wd) emailCompany = { domain: wd, name: null, rowNumber: row.rowNumber };
  }
  const custom = await checkCustom(ctx, 'contact', row, setup, problems, fieldOfPath);
  const externalId = v('external_id')?.slice(0, 200) || null;
  if (problems.list.length) return { ok: false, rowNumber: row.rowNumber, errors: problems.list };
  const d = parsed.data!;
  const record: ContactRecord = {
    externalId,
    email,
    phones,
    company,
    emailCompany,
    ...(d.firstName !== undefined && { firstName: d.firstName }),
    ...(d.lastName !== undefined && { lastName: d.lastName }),
    ...(d.title != null && { title: d.title }),
    ...(ownerId && { ownerId }),
    ...(d.lifecycleStage && { lifecycleStage: d.lifecycleStage }),
    ...(d.leadStatus && { leadStatus: d.leadStatus }),
    ...(d.leadStatusReason != null && { leadStatusReason: d.leadStatusReason }),
    ...(d.source != null && { source: d.source }),
    ...(tags && { tags }),
    ...(d.doNotContact !== undefined && { doNotContact: d.doNotContact }),
    ...(custom && { custom }),
  };
  return { ok: true, rowNumber: row.rowNumber, record, values: previewValues(record) };
}

function previewValues(r: ContactRecord): Record<string, unknown> {
  return {
    external_id: r.externalId,
    first_name: r.firstName,
    last_name: r.lastName,
    email: r.email,
    phone: r.phones.find((p) => p.kind === 'work')?.phone,
    mobile_phone: r.phones.find((p) => p.kind === 'mobile')?.phone,
    title: r.title,
    owner_email: r.ownerId,
    company_domain: (r.company ?? r.emailCompany)?.domain ?? undefined,
    company_name: r.company?.name ?? undefined,
    lifecycle_stage: r.lifecycleStage,
    lead_status: r.leadStatus,
    lead_status_reason: r.leadStatusReason,
    source: r.source,
    tags: r.tags,
    do_not_contact: r.doNotContact,
    ...Object.fromEntries(Object.entries(r.custom ?? {}).map(([k, x]) => [`custom.${k}`, x])),
  };
}
