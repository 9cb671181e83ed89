import { AppError } from '../../kernel/errors.ts';
import { normalizeEmail, normalizePhone, phoneHint } from '../custom-fields/index.ts';
import type { consentStatuses, LifecycleStage, leadStatuses, Touch } from './schema.ts';

export type LeadStatus = (typeof leadStatuses)[number];
export type ConsentStatus = (typeof consentStatuses)[number];
export const phoneKinds = ['work', 'mobile', 'home', 'other'] as const;

/** The writable fields of a contact (create and update; update takes any subset, lists replace). */
export interface ContactInput {
  firstName?: string;
  lastName?: string;
  emails?: { email: string; primary?: boolean }[];
  phones?: { phone: string; kind?: (typeof phoneKinds)[number]; primary?: boolean }[];
  title?: string | null;
  ownerId?: string | null;
  /** The primary company; null for none. Left out on create, the email domain may pick one. */
  companyId?: string | null;
  /** Other companies the contact works with. */
  companyIds?: string[];
  tags?: string[];
  source?: string | null;
  firstTouch?: Touch | null;
  lastTouch?: Touch | null;
  lifecycleStage?: LifecycleStage;
  leadStatus?: LeadStatus | null;
  leadStatusReason?: string | null;
  doNotContact?: boolean;
  custom?: Record<string, unknown>;
}

const bad = (message: string, path: (string | number)[]) => new AppError('validation_failed', message, { path });

/** Normalized emails (trimmed, lower case, de-duplicated) with exactly one primary (the flagged one, else the first). */
export type CleanEmail = { email: string; isPrimary: boolean /** Its index in the request, for error paths. */; index: number };

export function cleanEmails(list: ContactInput['emails']): CleanEmail[] {
  if (!list) return [];
  if (list.filter((e) => e.primary).length > 1)
    throw bad('Only one email can be primary.', ['body', 'emails', list.findLastIndex((e) => e.primary), 'primary']);
  const out: CleanEmail[] = [];
  list.forEach((e, i) => {
    const email = normalizeEmail(e.email);
    if (!email)
      throw bad(`"${String(e.email).slice(0, 100)}" is not an email address; write it like name@example.com.`, [
        'body',
        'emails',
        i,
        'email',
      ]);
    const seen = out.find((o) => o.email === email);
    if (seen) seen.isPrimary ||= !!e.primary;
    else out.push({ email, isPrimary: !!e.primary, index: i });
  });
  if (out.length && !out.some((e) => e.isPrimary)) out[0]!.isPrimary = true;
  return out.sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary));
}

/** Phones in E.164 (numbers without "+" read in the workspace's region), de-duplicated, one primary. */
export function cleanPhones(list: ContactInput['phones'], region: string | null): { phone: string; kind: string; isPrimary: boolean }[] {
  if (!list) return [];
  if (list.filter((p) => p.primary).length > 1)
    throw bad('Only one phone can be primary.', ['body', 'phones', list.findLastIndex((p) => p.primary), 'primary']);
  const out: { phone: string; kind: string; isPrimary: boolean }[] = [];
  list.forEach((p, i) => {
    const phone = normalizePhone(p.phone, region);
    if (!phone) throw bad(`"${String(p.phone).slice(0, 40)}" ${phoneHint(region)}.`, ['body', 'phones', i, 'phone']);
    const seen = out.find((o) => o.phone === phone);
    if (seen) seen.isPrimary ||= !!p.primary;
    else out.push({ phone, kind: p.kind ?? 'work', isPrimary: !!p.primary });
  });
  if (out.length && !out.some((p) => p.isPrimary)) out[0]!.isPrimary = true;
  return out.sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary));
}

/** "First Last", else the primary email, else the primary phone; null when the contact has none of them. */
export function displayNameOf(firstName: string, lastName: string, email: string | null, phone: string | null): string | null {
  return `${firstName.trim()} ${lastName.trim()}`.trim() || email || phone || null;
}

/** An unqualified lead needs a reason; other statuses clear the reason unless one is given. */
export function checkLeadStatus(
  status: LeadStatus | null | undefined,
  reason: string | null | undefined,
  previousReason: string | null,
): { leadStatus?: LeadStatus | null; leadStatusReason?: string | null } {
  if (status === undefined) return {};
  const r = reason === undefined ? (status === 'unqualified' ? previousReason : null) : reason?.trim() || null;
  if (status === 'unqualified' && !r)
    throw bad('Say why the lead is unqualified (leadStatusReason), e.g. "no budget".', ['body', 'leadStatusReason']);
  return { leadStatus: status, leadStatusReason: r };
}
