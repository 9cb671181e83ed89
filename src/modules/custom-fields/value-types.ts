import { sql } from 'drizzle-orm';
import { type CountryCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { z } from 'zod';
import type { Ctx } from '../../kernel/context.ts';
import { rows } from '../../kernel/db/index.ts';

const emailCheck = z.email();

/** Trimmed and lower-cased when valid; null when it is not an email address. */
export function normalizeEmail(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const email = raw.trim().toLowerCase();
  return email.length <= 254 && emailCheck.safeParse(email).success ? email : null;
}

/** E.164 (+441234567890) when the number is valid, reading numbers without "+" in `region`; else null. */
export function normalizePhone(raw: unknown, region?: string | null): string | null {
  if (typeof raw !== 'string' || raw.trim().length === 0 || raw.length > 40) return null;
  const country = region && isSupportedCountry(region) ? (region as CountryCode) : undefined;
  const parsed = parsePhoneNumberFromString(raw.trim(), country);
  return parsed?.isValid() ? parsed.number : null;
}

/**
 * The workspace's default phone region (ISO 3166 alpha-2, settings.defaultCountry), used for numbers
 * written without a country code. Null when unset: such numbers must then start with "+".
 */
export async function workspaceRegion(ctx: Ctx): Promise<string | null> {
  const [w] = await rows<{ region: string | null }>(
    ctx.db,
    sql`select settings->>'defaultCountry' as region from workspaces where id = ${ctx.workspaceId}`,
  );
  const region = w?.region?.toUpperCase() ?? null;
  return region && isSupportedCountry(region) ? region : null;
}

/** What to tell the caller when a phone number does not parse. */
export const phoneHint = (region: string | null) =>
  region
    ? `must be a valid phone number (international with "+", or a ${region} number)`
    : 'must be a valid phone number in international format, starting with + and the country code';

/** A calendar date YYYY-MM-DD that exists (no 2024-02-30). */
export function isIsoDate(v: unknown): v is string {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

/** An ISO 8601 date-time with a time zone (Z or ±hh:mm), normalized to UTC; null when invalid. */
export function normalizeDateTime(v: unknown): string | null {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/.test(v)) return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) || !isIsoDate(v.slice(0, 10)) ? null : d.toISOString();
}

/** An absolute http(s) URL, or null. */
export function normalizeUrl(v: unknown): string | null {
  if (typeof v !== 'string' || v.length > 2048) return null;
  try {
    const u = new URL(v.trim());
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.includes('.') ? u.toString() : null;
  } catch {
    return null;
  }
}
