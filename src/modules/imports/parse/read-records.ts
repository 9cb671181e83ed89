import { createReadStream } from 'node:fs';
import { Transform } from 'node:stream';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { type FileFormat, iconvName, parseOptions } from './detect-format.ts';

/** One record of the file: its row number (1 = the first record, the header when there is one) and cells. */
export interface RawRecord {
  rowNumber: number;
  cells: string[];
}

export interface ReadOptions {
  /** Records already handled (a checkpoint): they are parsed but not returned. */
  skipRecords?: number;
  /** Told the file bytes consumed so far (for progress). */
  onBytes?: (bytes: number) => void;
}

/**
 * Streams a file's records with bounded memory: file → decoder (non-UTF-8) → csv-parse, with
 * backpressure through the async iterator. Records whose cells are all empty are counted but not returned.
 */
export async function* readRecords(path: string, format: FileFormat, opts: ReadOptions = {}): AsyncGenerator<RawRecord> {
  let bytes = format.bomLength;
  const counter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      opts.onBytes?.(bytes);
      done(null, chunk);
    },
  });
  const file = createReadStream(path, { start: format.bomLength, highWaterMark: 1 << 20 });
  const parser = parse(parseOptions(format.delimiter));
  let source: NodeJS.ReadableStream = file.pipe(counter);
  if (format.encoding !== 'utf8') source = source.pipe(iconv.decodeStream(iconvName[format.encoding], { stripBOM: false }));
  source.pipe(parser);
  const fail = (err: Error) => parser.destroy(err);
  file.on('error', fail);
  let rowNumber = 0;
  const skip = opts.skipRecords ?? 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      rowNumber++;
      if (rowNumber <= skip) continue;
      if (cells.every((c) => c === '')) continue;
      yield { rowNumber, cells };
    }
  } finally {
    file.destroy();
    parser.destroy();
  }
}

/** Column names from a header row: whitespace collapsed, blanks named "Column N", repeats numbered, never "__proto__". */
export function cleanHeaders(cells: string[], width: number): string[] {
  const seen = new Map<string, number>();
  const out: string[] = [];
  for (let i = 0; i < Math.max(cells.length, width); i++) {
    let name = (cells[i] ?? '').replace(/\s+/g, ' ').trim().slice(0, 200) || `Column ${i + 1}`;
    if (name === '__proto__' || name === 'constructor' || name === 'prototype') name = `${name} (column ${i + 1})`;
    const n = seen.get(name.toLowerCase()) ?? 0;
    seen.set(name.toLowerCase(), n + 1);
    out.push(n ? `${name} (${n + 1})` : name);
  }
  return out;
}

/** The first `n` non-empty records of a file, streamed (a 100 MB cell in row 2 is fine, if slow). */
export async function sampleFile(path: string, format: FileFormat, n: number): Promise<string[][]> {
  const out: string[][] = [];
  for await (const r of readRecords(path, format)) {
    out.push(r.cells);
    if (out.length >= n) break;
  }
  return out;
}
