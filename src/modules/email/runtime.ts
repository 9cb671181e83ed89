import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/** What sending needs from the platform: the signing key, the public URL links point to, the instance relay. */
export interface EmailRuntime {
  secretKey: string;
  publicUrl: string;
  /** SMTP_URL: the instance-wide relay used when a workspace has no transport of its own. */
  smtpUrl?: string;
  /** Default From for system mail (TANDEM_MAIL_FROM). */
  mailFrom: string;
  /** BOUNCE_DOMAIN: messages go out with the VERP return path bounces+<message id>@domain. */
  bounceDomain?: string;
}

let runtime: EmailRuntime | undefined;

/** Set once per process by the platform (route plugin and worker start-up). */
export function configureEmail(r: EmailRuntime) {
  runtime = { ...r, publicUrl: r.publicUrl.replace(/\/+$/, '') };
}

export function emailRuntime(): EmailRuntime {
  if (!runtime) throw new Error('The email module is not configured: call configureEmail() at start-up');
  return runtime;
}

/** The envelope sender (Return-Path) of a message: its VERP address when a bounce domain is set, else the From. */
export function returnPathOf(messageId: string, fromEmail: string): string {
  const d = runtime?.bounceDomain;
  return d ? `bounces+${messageId}@${d}` : fromEmail;
}

const keyOf = (secret: string) => createHash('sha256').update(`email-secrets:${secret}`).digest();

/** AES-256-GCM under a key derived from the instance secret: `v1.iv.tag.ciphertext` (base64url). */
export function encryptSecret(plain: string, secret = emailRuntime().secretKey): string {
  const iv = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', keyOf(secret), iv);
  const enc = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
  return ['v1', iv.toString('base64url'), c.getAuthTag().toString('base64url'), enc.toString('base64url')].join('.');
}

export function decryptSecret(box: string, secret = emailRuntime().secretKey): string {
  const [v, iv, tag, enc] = box.split('.');
  if (v !== 'v1' || !iv || !tag || enc === undefined) throw new Error('Unreadable encrypted secret');
  const d = createDecipheriv('aes-256-gcm', keyOf(secret), Buffer.from(iv, 'base64url'));
  d.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([d.update(Buffer.from(enc, 'base64url')), d.final()]).toString('utf8');
}
