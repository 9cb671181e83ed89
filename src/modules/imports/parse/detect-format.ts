import { open } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { AppError } from '../../../kernel/errors.ts';

export const encodings = ['utf8', 'utf16le', 'utf16be', 'windows1252'] as const;
export type Encoding = (typeof encodings)[number];
export const delimiters = [',', ';', '\t', '|'] as const;

/** How to read a file: encoding, BOM bytes to skip, delimiter, whether row 1 is a header. */
export interface FileFormat {
  encoding: Encoding;
  bomLength: number;
  delimiter: string;
  hasHeader: boolean;
}

export const iconvName: Record<Encoding, string> = { utf8: 'utf8', utf16le: 'utf16le', utf16be: 'utf16-be', windows1252: 'win1252' };
const sampleBytes = 256 * 1024;
const magic: [number[], string][] = [
  [[0x50, 0x4b, 0x03, 0x04], 'a zip archive (an .xlsx workbook?)'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x7f, 0x45, 0x4c, 0x46], 'a program'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Excel (.xls) workbook'],
];

const startsWith = (buf: Buffer, bytes: number[]) => bytes.every((b, i) => buf[i] === b);
const notText = (what: string) =>
  new AppError('import_file_binary', `This file is ${what}, not CSV text. Save it as CSV (UTF-8) and upload that.`, { path: ['body'] });

/** Reads the first bytes of a file. */
export async function readSample(path: string, bytes = sampleBytes): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const { bytesRead } = await fh.read(buf, 0, bytes, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** Encoding from the BOM, else from the bytes: UTF-16 by its zero bytes, UTF-8 when it decodes strictly, else Windows-1252. */
export function detectEncoding(buf: Buffer): { encoding: Encoding; bomLength: number } {
  if (startsWith(buf, [0xff, 0xfe, 0, 0]) || startsWith(buf, [0, 0, 0xfe, 0xff]))
    throw new AppError('import_file_encoding', 'This file is UTF-32, which Tandem does not read. Save it as CSV UTF-8 and upload again.', {
      path: ['body'],
    });
  if (startsWith(buf, [0xef, 0xbb, 0xbf])) return { encoding: 'utf8', bomLength: 3 };
  if (startsWith(buf, [0xff, 0xfe])) return { encoding: 'utf16le', bomLength: 2 };
  if (startsWith(buf, [0xfe, 0xff])) return { encoding: 'utf16be', bomLength: 2 };
  const n = Math.min(buf.length, 4096) & ~1;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenZeros++;
    if (buf[i + 1] === 0) oddZeros++;
  }
  if (n >= 4 && oddZeros > n * 0.3 && evenZeros < n * 0.05) return { encoding: 'utf16le', bomLength: 0 };
  if (n >= 4 && evenZeros > n * 0.3 && oddZeros < n * 0.05) return { encoding: 'utf16be', bomLength: 0 };
  try {
    // stream: true tolerates a character cut at the end of the sample.
    new TextDecoder('utf-8', { fatal: true }).decode(buf, { stream: true });
    return { encoding: 'utf8', bomLength: 0 };
  } catch {
    return { encoding: 'windows1252', bomLength: 0 };
  }
}

/** Refuses empty files and files that are clearly not text (known binary signatures, or many control characters). */
export function assertText(buf: Buffer, text: string) {
  if (buf.length === 0 || text.trim() === '')
    throw new AppError('import_file_empty', 'The file is empty. Export the records again and upload the CSV file.', { path: ['body'] });
  for (const [bytes, what] of magic) if (startsWith(buf, bytes)) throw notText(what);
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 11) || c === 0xfffd) control++;
  }
  if (text.length >= 64 && control / text.length > 0.05) throw notText('binary data');
}

/** The delimiter whose count per record (outside quotes) is most consistent over the first records. */
export function detectDelimiter(text: string): string {
  const records = countPerRecord(text, 50);
  let best: { d: string; score: number } = { d: ',', score: 0 };
  for (const d of delimiters) {
    const counts = records.map((r) => r.get(d) ?? 0).filter((c) => c > 0);
    if (!counts.length) continue;
    const freq = new Map<number, number>();
    for (const c of counts) freq.set(c, (freq.get(c) ?? 0) + 1);
    const [mode, times] = [...freq.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]!;
    const score = (times / records.length) * 1000 + Math.min(mode, 100);
    if (score > best.score) best = { d, score };
  }
  return best.d;
}

/**
 * Counts each candidate delimiter per record, outside quotes (a quoted field may hold newlines and
 * delimiters). Blank records are left out, and so is the last one when the sample may have cut it.
 */
function countPerRecord(text: string, max: number): Map<string, number>[] {
  const out: Map<string, number>[] = [];
  let current = new Map<string, number>();
  let blank = true;
  let quoted = false;
  for (let i = 0; i < text.length && out.length < max; i++) {
    const ch = text[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (!blank) out.push(current);
      current = new Map();
      blank = true;
      continue;
    } else if (!quoted && (delimiters as readonly string[]).includes(ch)) current.set(ch, (current.get(ch) ?? 0) + 1);
    if (ch.trim()) blank = false;
  }
  if (!out.length && !blank) out.push(current);
  return out;
}

const valueLike = (s: string) =>
  /^[-+]?[\d.,\s]+%?$/.test(s) ||
  /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s) ||
  /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}/.test(s) ||
  /^https?:\/\//i.test(s);

/** Row 1 is a header unless its cells all look like values (numbers, emails, dates, URLs) or one is an email. */
export function looksLikeHeader(first: string[]): boolean {
  const cells = first.map((c) => c.trim()).filter(Boolean);
  if (!cells.length) return true;
  if (cells.some((c) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(c))) return false;
  return !cells.every(valueLike);
}

/** Parses the first records of a decoded sample (lenient, like the import itself). */
export function sampleRecords(text: string, delimiter: string, max: number): string[][] {
  const cut = text.length >= sampleBytes / 2 ? text.slice(0, Math.max(text.lastIndexOf('\n'), 0) || text.length) : text;
  try {
    return (parse(cut, { ...parseOptions(delimiter), to: max }) as string[][]).filter((r) => r.some((c) => c !== ''));
  } catch {
    return [];
  }
}

/** The csv-parse options every read uses: lenient quotes and column counts, blank lines skipped. */
export const parseOptions = (delimiter: string) => ({
  delimiter,
  relax_quotes: true,
  relax_column_count: true,
  skip_empty_lines: true,
  bom: false,
  quote: '"',
});

/** Detects a file's encoding, delimiter and header row from its first 256 KB. */
export async function detectFormat(path: string): Promise<{ format: FileFormat; sample: string[][] }> {
  const buf = await readSample(path);
  if (buf.length === 0) assertText(buf, '');
  const { encoding, bomLength } = detectEncoding(buf);
  const text = iconv.decode(buf.subarray(bomLength), iconvName[encoding], { stripBOM: false });
  if (encoding.startsWith('utf16') && text.split('\0').length > text.length * 0.3)
    throw new AppError(
      'import_file_encoding',
      'This file looks like UTF-32, which Tandem does not read. Save it as CSV UTF-8 and upload again.',
      {
        path: ['body'],
      },
    );
  assertText(buf.subarray(bomLength), text);
  const delimiter = detectDelimiter(text);
  const sample = sampleRecords(text, delimiter, 21);
  return { format: { encoding, bomLength, delimiter, hasHeader: looksLikeHeader(sample[0] ?? []) }, sample };
}
