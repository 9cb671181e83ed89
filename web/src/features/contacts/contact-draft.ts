import type { ContactBody, ContactDetail, CustomField } from '../records/crm-types.ts';

export const phoneKinds = ['work', 'mobile', 'home', 'other'] as const;
export type PhoneKind = (typeof phoneKinds)[number];

/** What the contact form edits. Empty strings mean "not given". */
export interface ContactDraft {
  firstName: string;
  lastName: string;
  title: string;
  emails: { email: string; primary: boolean }[];
  phones: { phone: string; kind: PhoneKind; primary: boolean }[];
  companyId: string | null;
  ownerId: string | null;
  lifecycleStage: string | null;
  leadStatus: string | null;
  leadStatusReason: string;
  source: string;
  tags: string[];
  custom: Record<string, unknown>;
}

export function emptyDraft(ownerId: string | null): ContactDraft {
  return {
    firstName: '',
    lastName: '',
    title: '',
    emails: [{ email: '', primary: true }],
    phones: [{ phone: '', kind: 'work', primary: true }],
    companyId: null,
    ownerId,
    lifecycleStage: 'lead',
    leadStatus: null,
    leadStatusReason: '',
    source: '',
    tags: [],
    custom: {},
  };
}

/** A saved contact as a draft to edit. */
export function draftOf(c: ContactDetail): ContactDraft {
  return {
    firstName: c.firstName,
    lastName: c.lastName,
    title: c.title ?? '',
    emails: c.emails.length ? c.emails.map((e) => ({ email: e.email, primary: e.isPrimary })) : [{ email: '', primary: true }],
    phones: c.phones.length
      ? c.phones.map((p) => ({ phone: p.phone, kind: (p.kind as PhoneKind) ?? 'work', primary: p.isPrimary }))
      : [{ phone: '', kind: 'work', primary: true }],
    companyId: c.companyId,
    ownerId: c.ownerId,
    lifecycleStage: c.lifecycleStage,
    leadStatus: c.leadStatus,
    leadStatusReason: c.leadStatusReason ?? '',
    source: c.source ?? '',
    tags: c.tags,
    custom: { ...c.custom },
  };
}

const blank = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * The request body for a draft, and how the server's error paths map back to the form's rows
 * (blank email/phone rows are not sent, so "emails.1.email" may be the form's third row).
 */
export function toBody(
  d: ContactDraft,
  mode: 'create' | 'edit',
  defs: CustomField[],
): { body: ContactBody; aliases: Record<string, string> } {
  const aliases: Record<string, string> = {};
  const emails = d.emails.map((e, i) => ({ ...e, i })).filter((e) => e.email.trim());
  emails.forEach((e, sent) => {
    aliases[`emails.${sent}.email`] = `emails.${e.i}.email`;
    aliases[`emails.${sent}.primary`] = `emails.${e.i}.email`;
  });
  const phones = d.phones.map((p, i) => ({ ...p, i })).filter((p) => p.phone.trim());
  phones.forEach((p, sent) => {
    aliases[`phones.${sent}.phone`] = `phones.${p.i}.phone`;
    aliases[`phones.${sent}.primary`] = `phones.${p.i}.phone`;
  });
  const custom: Record<string, unknown> = {};
  for (const def of defs) {
    const v = d.custom[def.key];
    if (!blank(v)) custom[def.key] = typeof v === 'string' ? v.trim() : v;
    else if (mode === 'edit' && def.key in d.custom) custom[def.key] = null;
  }
  const text = (v: string) => (mode === 'create' ? v.trim() || undefined : v.trim() || null);
  const body: ContactBody = {
    firstName: d.firstName.trim(),
    lastName: d.lastName.trim(),
    emails: emails.map((e) => ({ email: e.email.trim(), primary: e.primary || undefined })),
    phones: phones.map((p) => ({ phone: p.phone.trim(), kind: p.kind, primary: p.primary || undefined })),
    title: text(d.title),
    source: text(d.source),
    ownerId: d.ownerId,
    tags: d.tags,
    custom,
  };
  if (mode === 'edit' || d.companyId) body.companyId = d.companyId;
  if (d.lifecycleStage) body.lifecycleStage = d.lifecycleStage as ContactBody['lifecycleStage'];
  if (mode === 'edit' || d.leadStatus) {
    body.leadStatus = (d.leadStatus || null) as ContactBody['leadStatus'];
    body.leadStatusReason = d.leadStatus === 'unqualified' ? d.leadStatusReason.trim() || null : null;
  }
  return { body, aliases };
}
