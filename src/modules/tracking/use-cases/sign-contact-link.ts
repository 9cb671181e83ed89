import { createHmac } from 'node:crypto';
import { signToken, verifyToken } from '../../../kernel/auth/index.ts';

const purpose = 'tracking.contact_link';
const defaultTtlDays = 90;

/** The workspace's own signing key, derived from the instance secret (a token of one workspace is void in another). */
export const workspaceSecret = (secretKey: string, workspaceId: string) =>
  createHmac('sha256', secretKey).update(`workspace:${workspaceId}`).digest('base64url');

/**
 * A token that says "this browser is this contact", for links in emails: `?tdm=<token>`. When the tracked page
 * loads with it, the visitor's history is stitched to the contact. Expires after `ttlDays` (default 90).
 */
export function signContactLink(secretKey: string, workspaceId: string, contactId: string, ttlDays = defaultTtlDays): string {
  return signToken(workspaceSecret(secretKey, workspaceId), purpose, { c: contactId }, Math.round(ttlDays * 86_400));
}

/** Adds `tdm=<token>` to a link (keeping its other parameters and fragment). */
export function withContactToken(url: string, token: string): string {
  const u = new URL(url);
  u.searchParams.set('tdm', token);
  return u.toString();
}

const uuidRe = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The contact id of a valid token of this workspace; null for forged, expired or foreign tokens (silently). */
export function readContactLink(secretKey: string, workspaceId: string, token: string): string | null {
  const data = verifyToken<{ c?: unknown }>(workspaceSecret(secretKey, workspaceId), purpose, token);
  return typeof data?.c === 'string' && uuidRe.test(data.c) ? data.c : null;
}
