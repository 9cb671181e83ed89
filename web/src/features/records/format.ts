import { formatDateTime, formatRelative } from '../../components/relative-time.tsx';

const dateFmt = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const numberFmt = new Intl.NumberFormat();

/** Minor units (cents) as money: 1234500 EUR → "€12,345". */
export function formatMoney(minor: unknown, currency: string | null | undefined) {
  if (typeof minor !== 'number') return '';
  const major = minor / 100;
  try {
    return new Intl.NumberFormat(undefined, {
      style: 'currency',
      currency: currency || 'USD',
      maximumFractionDigits: Number.isInteger(major) ? 0 : 2,
    }).format(major);
  } catch {
    return `${numberFmt.format(major)} ${currency ?? ''}`.trim();
  }
}

export const formatNumber = (v: unknown) => (typeof v === 'number' ? numberFmt.format(v) : '');

/** A YYYY-MM-DD date (no time zone shift) as "12 Mar 2024". */
export function formatDate(v: unknown) {
  if (typeof v !== 'string' || !v) return '';
  const [y, m, d] = v.slice(0, 10).split('-').map(Number);
  return dateFmt.format(new Date(y!, m! - 1, d!));
}

/** An instant as relative text plus the exact time (for a title attribute). */
export function relativeParts(v: unknown): { text: string; title: string } | null {
  if (typeof v !== 'string' || !v) return null;
  return { text: formatRelative(v), title: formatDateTime(v) };
}

/** An instant as a short local date and time: "12 Mar 2024, 14:30". */
export const formatShortDateTime = (iso: string) =>
  new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

/** Initials of a name, for avatars. */
export const initialsOf = (name: string) =>
  name
    .split(/[\s@.]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('') || '?';

/** Colors of lifecycle stages, early to late. */
export const stageColors: Record<string, string> = {
  subscriber: 'gray',
  lead: 'blue',
  marketing_qualified: 'cyan',
  sales_qualified: 'teal',
  opportunity: 'orange',
  customer: 'green',
  evangelist: 'grape',
  other: 'gray',
};

export const leadStatusColors: Record<string, string> = {
  new: 'blue',
  attempting: 'yellow',
  connected: 'cyan',
  qualified: 'green',
  unqualified: 'red',
};

export const consentColors: Record<string, string> = { subscribed: 'teal', unsubscribed: 'red', pending: 'yellow', not_set: 'gray' };
