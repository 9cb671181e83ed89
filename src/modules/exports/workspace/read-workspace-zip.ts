import { createHash } from 'node:crypto';
import { Transform } from 'node:stream';
import { parse } from 'csv-parse';
import yauzl from 'yauzl';
import { AppError } from '../../../kernel/errors.ts';
import { formatName, formatVersion, type Manifest, manifestFile } from './tables.ts';

export interface WorkspaceZip {
  manifest: Manifest;
  /** The records of one CSV entry as objects by header name (NULL and '' kept apart); the checksum is checked at the end. */
  records(name: string): AsyncIterable<Record<string, string | null>>;
  close(): void;
}

const bad = (message: string) => new AppError('workspace_file_invalid', message);

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false }, (err, zip) =>
      err || !zip ? reject(bad(`Cannot read ${file} as a zip: ${err?.message}`)) : resolve(zip),
    ),
  );
}

function entriesOf(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    zip.on('entry', (e: yauzl.Entry) => {
      entries.set(e.fileName, e);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (e) => reject(bad(`The zip is damaged: ${e.message}`)));
    zip.readEntry();
  });
}

const openEntry = (zip: yauzl.ZipFile, e: yauzl.Entry) =>
  new Promise<NodeJS.ReadableStream>((resolve, reject) =>
    zip.openReadStream(e, (err, s) => (err || !s ? reject(bad(`Cannot read ${e.fileName}: ${err?.message}`)) : resolve(s))),
  );

/** Opens a workspace export, checks its manifest (format and version) and gives its files as record streams. */
export async function readWorkspaceZip(file: string): Promise<WorkspaceZip> {
  const zip = await openZip(file);
  try {
    const entries = await entriesOf(zip);
    const manifestEntry = entries.get(manifestFile);
    if (!manifestEntry) throw bad(`${file} has no ${manifestFile}; is it a Tandem workspace export?`);
    let text = '';
    for await (const chunk of await openEntry(zip, manifestEntry)) text += chunk;
    let manifest: Manifest;
    try {
      manifest = JSON.parse(text);
    } catch {
      throw bad(`${manifestFile} is not valid JSON.`);
    }
    if (manifest.format !== formatName) throw bad(`${manifestFile} is not a Tandem workspace manifest (format "${manifest.format}").`);
    if (!(manifest.formatVersion <= formatVersion))
      throw bad(
        `This export has format version ${manifest.formatVersion}; this Tandem reads up to ${formatVersion}. Upgrade Tandem first.`,
      );
    for (const f of manifest.files) if (!entries.has(f.name)) throw bad(`The manifest lists ${f.name} but the zip does not contain it.`);
    return {
      manifest,
      close: () => zip.close(),
      async *records(name) {
        const meta = manifest.files.find((f) => f.name === name);
        const entry = entries.get(name);
        if (!meta || !entry) return;
        const hash = createHash('sha256');
        const tap = new Transform({
          transform(chunk, _enc, cb) {
            hash.update(chunk);
            cb(null, chunk);
          },
        });
        const parser = (await openEntry(zip, entry))
          .pipe(tap)
          .pipe(parse({ columns: true, cast: (v, c) => (v === '' && !c.quoting && !c.header ? null : v), relax_column_count: false }));
        let n = 0;
        for await (const record of parser) {
          n++;
          yield record as Record<string, string | null>;
        }
        if (hash.digest('hex') !== meta.sha256)
          throw bad(`${name} does not match its checksum in the manifest; the file is damaged or was edited.`);
        if (n !== meta.rows) throw bad(`${name} has ${n} rows; the manifest says ${meta.rows}.`);
      },
    };
  } catch (err) {
    zip.close();
    throw err;
  }
}
