import { activityInput, splitActivity } from '../../../activities/index.ts';
import { checkDomain } from '../../../companies/index.ts';
import { normalizeEmail } from '../../../custom-fields/index.ts';
import type { Checked, MappedRow } from '../entity.ts';
import { RowProblems, splitList } from '../row-values.ts';

/** An activity row ready to insert once its contact/company is found. */
export interface ActivityRecord {
  externalId: string | null;
  activity: ReturnType<typeof splitActivity>;
  contactEmail: string | null;
  companyDomain: string | null;
}

const placeholder = [{ entityType: 'contact' as const, entityId: '00000000-0000-7000-8000-000000000000' }];
const fieldOfPath = (path: (string | number)[]): string | null => {
  const map: Record<string, string> = {
    occurredAt: 'occurred_at',
    durationSeconds: 'duration_seconds',
    startsAt: 'starts_at',
    endsAt: 'ends_at',
  };
  const head = path[0];
  return typeof head === 'string' ? (map[head] ?? head) : null;
};

/** Checks an activity row with the API's own schema (POST /api/activities), the linked records resolved later per batch. */
export async function checkActivityRow(row: MappedRow): Promise<Checked<ActivityRecord>> {
  const problems = new RowProblems(row);
  const v = (k: string) => row.cells.get(k)?.value.trim();
  const iso = (k: string) => {
    const raw = v(k);
    if (raw === undefined) return undefined;
    const d = new Date(raw);
    return /\d{4}-\d{2}-\d{2}/.test(raw) && !Number.isNaN(d.getTime()) ? d.toISOString() : raw;
  };
  const duration = v('duration_seconds');
  const body = {
    type: v('type')?.toLowerCase(),
    subject: v('subject'),
    body: v('body'),
    occurredAt: iso('occurred_at'),
    links: placeholder,
    direction: v('direction')?.toLowerCase(),
    durationSeconds: duration === undefined ? undefined : /^\d+$/.test(duration) ? Number(duration) : duration,
    outcome: v('outcome')?.toLowerCase().replace(/\s+/g, '_'),
    startsAt: iso('starts_at'),
    endsAt: iso('ends_at'),
    location: v('location'),
    from: v('from'),
    to: v('to') === undefined ? undefined : splitList(v('to')!),
  };
  const clean = Object.fromEntries(Object.entries(body).filter(([, x]) => x !== undefined));
  const parsed = activityInput.safeParse(clean);
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
      const field = keys.length ? fieldOfPath(keys) : fieldOfPath(issue.path as (string | number)[]);
      problems.add(field, keys.length ? `${keys.join(', ')} does not apply to ${body.type} activities` : issue.message);
    }
  const rawEmail = v('contact_email');
  const contactEmail = rawEmail ? normalizeEmail(rawEmail) : null;
  if (rawEmail && !contactEmail) problems.add('contact_email', 'must be an email address like name@example.com');
  let companyDomain: string | null = null;
  try {
    companyDomain = checkDomain(v('company_domain'), ['company_domain']);
  } catch (err) {
    problems.addError(err, fieldOfPath);
  }
  if (!rawEmail && !v('company_domain'))
    problems.add(null, 'Name the contact (contact_email) or company (company_domain) the activity is on.');
  if (problems.list.length || !parsed.success) return { ok: false, rowNumber: row.rowNumber, errors: problems.list };
  const activity = splitActivity(parsed.data);
  const record = { externalId: v('external_id')?.slice(0, 200) || null, activity, contactEmail, companyDomain };
  return {
    ok: true,
    rowNumber: row.rowNumber,
    record,
    values: {
      ...activity.details,
      type: activity.type,
      subject: activity.subject,
      body: activity.body,
      occurred_at: activity.occurredAt.toISOString(),
      contact_email: contactEmail,
      company_domain: companyDomain,
    },
  };
}
