import { generateKeyPairSync } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { newId, rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import type { domainBody } from '../http/email.types.ts';
import { emailRuntime, encryptSecret } from '../runtime.ts';

/** The records to publish for a sending domain: SPF, the DKIM public key, DMARC, and the one-click host. */
export function dnsRecords(domain: string, selector: string, publicKeyPem: string, smtpHost?: string) {
  const p = publicKeyPem.replace(/-----[^-]+-----|\s+/g, '');
  return [
    {
      purpose: 'SPF',
      type: 'TXT',
      name: domain,
      value: `v=spf1 ${smtpHost ? `a:${smtpHost} ` : ''}include:_spf.${domain} ~all`,
      note: 'Authorizes your relay to send for the domain. Keep one SPF record: merge with an existing one (your relay documents its include:).',
    },
    {
      purpose: 'DKIM',
      type: 'TXT',
      name: `${selector}._domainkey.${domain}`,
      value: `v=DKIM1; k=rsa; p=${p}`,
      note: 'Tandem signs every message From this domain with the matching private key.',
    },
    {
      purpose: 'DMARC',
      type: 'TXT',
      name: `_dmarc.${domain}`,
      value: `v=DMARC1; p=none; rua=mailto:dmarc@${domain}; adkim=r; aspf=r`,
      note: 'Gmail and Yahoo require a DMARC record for bulk senders; start with p=none and tighten to quarantine once reports look clean.',
    },
  ];
}

const toDomain = (r: { id: string; domain: string; selector: string; public_key: string; created_at: string }) => ({
  id: r.id,
  domain: r.domain,
  selector: r.selector,
  records: dnsRecords(r.domain, r.selector, r.public_key, emailRuntime().smtpUrl ? new URL(emailRuntime().smtpUrl!).hostname : undefined),
  createdAt: new Date(r.created_at).toISOString(),
});

export async function getDomains(ctx: Ctx) {
  const r = await rows<{ id: string; domain: string; selector: string; public_key: string; created_at: string }>(
    ctx.db,
    sql`select id, domain, selector, public_key, created_at from email_domains where workspace_id = ${ctx.workspaceId} order by domain`,
  );
  return r.map(toDomain);
}

/** Adds a sending domain with a new 2048-bit DKIM key pair; the answer lists the DNS records to publish. */
export async function createDomain(ctx: Ctx, input: z.output<typeof domainBody>) {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const taken = await rows(tx, sql`select 1 from email_domains where workspace_id = ${ctx.workspaceId} and domain = ${input.domain}`);
    if (taken.length) throw new AppError('email_domain_taken', `${input.domain} is already set up.`, { path: ['body', 'domain'] });
    await tx.execute(sql`insert into email_domains (id, workspace_id, domain, selector, private_key_enc, public_key)
        values (${id}, ${ctx.workspaceId}, ${input.domain}, ${input.selector}, ${encryptSecret(privateKey)}, ${publicKey})`);
    await recordAudit(c, { action: 'email_domain.created', entityType: 'email_domain', entityId: id, after: input });
    await emitEvent(c, { type: 'email_settings.changed', entityType: 'email_domain', entityId: id, data: { change: 'domain_created' } });
  });
  return (await getDomains(ctx)).find((d) => d.id === id)!;
}
