import { createHash } from 'node:crypto';
import { Readable, type Writable } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import { type SQL, sql } from 'drizzle-orm';
import yazl from 'yazl';
import type { Executor } from '../../../kernel/db/index.ts';
import { rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { cellText, csvLine } from './csv-line.ts';
import {
  formatName,
  formatVersion,
  type Manifest,
  type ManifestFile,
  manifestFile,
  membersFile,
  tagsFile,
  workspaceTables,
} from './tables.ts';

export interface WriteProgress {
  rows: number;
  totalRows: number;
  file: string;
}

export interface WriteZipOptions {
  onProgress?(p: WriteProgress): void | Promise<void>;
  /** Checked between batches; true stops the export with `export_cancelled`. */
  cancelled?(): Promise<boolean>;
  batchSize?: number;
}

interface Column {
  name: string;
  type: string;
}

const q = (name: string) => sql.raw(`"${name.replaceAll('"', '""')}"`);

/** The columns of a table as the database has them now (so a column a later migration adds is exported too), minus workspace_id. */
async function columnsOf(db: Executor, table: string): Promise<Column[]> {
  return rows<Column>(
    db,
    sql`select column_name as name, udt_name as type from information_schema.columns
        where table_schema = current_schema() and table_name = ${table} and column_name <> 'workspace_id' order by ordinal_position`,
  );
}

/**
 * Writes a workspace as a zip: one CSV per table (keyset batches, so memory stays flat), members.csv (no secrets),
 * tags.csv, and manifest.json with the format version, row counts, columns and SHA-256 of every file. Entries are
 * streamed into the zip as they are read; nothing is held whole in memory or on disk.
 */
export async function writeWorkspaceZip(db: Executor, workspaceId: string, out: Writable, opts: WriteZipOptions = {}): Promise<Manifest> {
  const [ws] = await rows<Manifest['workspace']>(
    db,
    sql`select id, name, timezone, currency, settings from workspaces where id = ${workspaceId}`,
  );
  if (!ws) throw new AppError('workspace_not_found', `No workspace ${workspaceId}.`);
  const batchSize = opts.batchSize ?? 2000;
  const specs = await Promise.all(workspaceTables.map(async (t) => ({ ...t, columns: await columnsOf(db, t.table) })));
  const totals = await Promise.all(
    specs.map(
      async (t) =>
        (await rows<{ n: number }>(db, sql`select count(*)::int as n from ${q(t.table)} where workspace_id = ${workspaceId}`))[0]!.n,
    ),
  );
  const totalRows = totals.reduce((a, b) => a + b, 0);
  let done = 0;

  const zip = new yazl.ZipFile();
  const written = pipeline(zip.outputStream, out);
  const files: ManifestFile[] = [];

  /** Adds one CSV entry fed by `lines` and waits until the zip has consumed it. */
  async function addCsv(name: string, table: string | null, columns: Column[], lines: AsyncIterable<(string | null)[][]>) {
    const hash = createHash('sha256');
    const entry: ManifestFile = { name, table, rows: 0, bytes: 0, sha256: '', columns };
    // One chunk (and one hash update) per batch of rows rather than per line.
    async function* bytes() {
      const header = Buffer.from(csvLine(columns.map((c) => c.name)));
      hash.update(header);
      entry.bytes += header.length;
      yield header;
      for await (const batch of lines) {
        const b = Buffer.from(batch.map(csvLine).join(''));
        hash.update(b);
        entry.bytes += b.length;
        entry.rows += batch.length;
        yield b;
      }
    }
    const stream = Readable.from(bytes());
    zip.addReadStream(stream, name);
    await finished(stream);
    entry.sha256 = hash.digest('hex');
    files.push(entry);
  }

  async function* tableRows(t: (typeof specs)[number]): AsyncIterable<(string | null)[][]> {
    const list = sql.join(
      t.columns.map((c) => q(c.name)),
      sql.raw(', '),
    );
    const order = sql.join(
      t.key.map((k) => q(k)),
      sql.raw(', '),
    );
    const types = new Map(t.columns.map((c) => [c.name, c.type]));
    let after: SQL = sql`true`;
    for (;;) {
      if (await opts.cancelled?.()) throw new AppError('export_cancelled', 'The export was cancelled.');
      const got = await rows<{ r: Record<string, unknown> }>(
        db,
        sql`select row_to_json(x) as r from (select ${list} from ${q(t.table)} where workspace_id = ${workspaceId} and ${after}
            order by ${order} limit ${batchSize}) x`,
      );
      yield got.map(({ r }) => t.columns.map((c) => cellText(r[c.name])));
      done += got.length;
      await opts.onProgress?.({ rows: done, totalRows, file: `${t.table}.csv` });
      if (got.length < batchSize) return;
      const last = got[got.length - 1]!.r;
      const values = t.key.map((k) => sql`${String(last[k])}::${sql.raw(types.get(k) ?? 'text')}`);
      after = sql`(${order}) > (${sql.join(values, sql.raw(', '))})`;
    }
  }

  async function* queryRows(query: SQL, columns: Column[]): AsyncIterable<(string | null)[][]> {
    yield (await rows<Record<string, unknown>>(db, query)).map((r) => columns.map((c) => cellText(r[c.name])));
  }

  try {
    for (const t of specs) await addCsv(`${t.table}.csv`, t.table, t.columns, tableRows(t));
    const memberColumns = ['user_id', 'email', 'name', 'role'].map((name) => ({ name, type: 'text' }));
    await addCsv(
      membersFile,
      null,
      memberColumns,
      queryRows(
        sql`select m.user_id::text as user_id, u.email, u.name, m.role from memberships m join users u on u.id = m.user_id
            where m.workspace_id = ${workspaceId} order by m.created_at, u.email`,
        memberColumns,
      ),
    );
    const tagColumns = ['entity_type', 'tag', 'records'].map((name) => ({ name, type: 'text' }));
    await addCsv(
      tagsFile,
      null,
      tagColumns,
      queryRows(
        sql`select entity_type, tag, count(*)::int as records from (
              select 'contact' as entity_type, unnest(tags) as tag from contacts where workspace_id = ${workspaceId} and deleted_at is null
              union all select 'company', unnest(tags) from companies where workspace_id = ${workspaceId} and deleted_at is null) t
            group by entity_type, tag order by entity_type, tag`,
        tagColumns,
      ),
    );
    const manifest: Manifest = { format: formatName, formatVersion, exportedAt: new Date().toISOString(), workspace: ws, files };
    zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2)), manifestFile);
    zip.end();
    await written;
    return manifest;
  } catch (err) {
    (zip.outputStream as unknown as Readable).destroy(err as Error);
    await written.catch(() => {});
    throw err;
  }
}
