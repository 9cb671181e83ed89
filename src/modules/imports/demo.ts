import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context.ts';
import { type Database, rows } from '../../kernel/db/index.ts';
import { getPipelines } from '../sales/index.ts';
import { importEntity } from './entities/registry.ts';
import { runImport } from './jobs/run-import.ts';
import { autoMap } from './mapping/auto-map.ts';
import { startImport } from './use-cases/start-import.ts';
import { uploadImportFile } from './use-cases/upload-import-file.ts';

const csvCell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/**
 * The imports history of the demo: open deals brought over from "the old CRM" as a HubSpot deal export,
 * run through the real import job — most rows go in, three fail with the sales rules' messages (a stage's
 * required amount, an unknown currency, a stage that does not exist), so the error report has something to show.
 */
export async function seedImportsDemo(p: { database: Database; config: { dataDir: string } }, workspaceId: string, adminId: string) {
  const db = p.database.db;
  const ctx: Ctx = { db, workspaceId, actor: { type: 'user', id: adminId, userId: adminId, label: 'Demo admin', role: 'admin' } };
  const [pipeline] = await getPipelines(ctx);
  const open = pipeline?.stages.filter((s) => s.type === 'open' && !s.requiredFields.length) ?? [];
  if (!pipeline || !open.length) return;
  const companies = await rows<{ name: string; domain: string | null }>(
    db,
    sql`select name, domain from companies where workspace_id = ${workspaceId} and deleted_at is null order by name limit 12`,
  );
  const header = [
    'Record ID',
    'Deal Name',
    'Amount',
    'Currency',
    'Deal Stage',
    'Pipeline',
    'Close Date',
    'Company domain name',
    'Deal Type',
  ];
  const lines = [header.join(',')];
  companies.forEach((c, i) => {
    const close = new Date(Date.UTC(2026, 11, 1 + i * 5)).toISOString().slice(0, 10);
    lines.push(
      [
        `HS-${9100 + i}`,
        `${c.name} – legacy renewal`,
        String(4000 + i * 750),
        'USD',
        open[i % open.length]!.name,
        pipeline.name,
        close,
        c.domain ?? '',
        'renewal',
      ]
        .map(csvCell)
        .join(','),
    );
  });
  const needsAmount = pipeline.stages.find((s) => s.type === 'open' && s.requiredFields.includes('amount'));
  const bad = [
    ['HS-9990', 'Expansion without a figure', '', 'USD', needsAmount?.name ?? 'Parked', pipeline.name, '', '', 'upsell'],
    ['HS-9991', 'Deal in an old currency code', '1200', 'DEM', open[0]!.name, pipeline.name, '', '', 'new'],
    ['HS-9992', 'Parked deal', '800', 'USD', 'Parked', pipeline.name, '', '', 'new'],
  ];
  for (const b of bad) lines.push(b.map(csvCell).join(','));
  const file = await uploadImportFile(ctx, p.config.dataDir, 'hubspot-deals-export.csv', Readable.from([`${lines.join('\n')}\n`]));
  const mapping = autoMap(file.headers, 'deals', await importEntity('deals').fields(ctx), 'hubspot');
  const imp = await startImport(ctx, {
    fileId: file.id,
    entity: 'deals',
    mode: 'upsert',
    key: 'external_id',
    mapping,
    duplicatesInFile: 'merge',
  });
  await runImport(p.database, workspaceId, imp.id, { progress: async () => {}, cancelled: async () => false });
}
