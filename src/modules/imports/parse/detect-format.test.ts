import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect-format.ts';
import { readRecords } from './read-records.ts';

const shared = path.resolve(import.meta.dirname, '../../../../../shared/data/csv');
const dir = mkdtempSync(path.join(tmpdir(), 'tandem-parse-'));
const write = (name: string, data: string | Buffer) => {
  const p = path.join(dir, name);
  writeFileSync(p, data);
  return p;
};
async function read(p: string) {
  const { format } = await detectFormat(p);
  const out: string[][] = [];
  for await (const r of readRecords(p, format)) out.push(r.cells);
  return { format, rows: out };
}

describe('format detection and parsing', () => {
  it.each([
    ['csvkit/test_utf8_bom.csv', 'utf8', ',', ['foo', 'bar', 'baz'], 3],
    ['csvkit/test_utf16_big.csv', 'utf16be', ',', ['a', 'b', 'c'], 3],
    ['csvkit/test_utf16_little.csv', 'utf16le', ',', ['a', 'b', 'c'], 3],
    ['csvkit/test_latin1.csv', 'windows1252', ',', ['a', 'b', 'c'], 3],
    ['csvkit/sniff_limit.csv', 'utf8', ';', ['a', 'b', 'c'], 2],
    ['csvkit/dummy.tsv', 'utf8', '\t', ['a', 'b', 'c'], 2],
    ['csvkit/mac_newlines.csv', 'utf8', ',', ['a', 'b', 'c'], 3],
    ['csvkit/bad_skip_lines.csv', 'utf8', ',', ['column_a', 'column_b', 'column_c'], 4],
    ['salesforce-dataloader/csvtext_BOM_UTF16LE.csv', 'utf16le', ',', ['column1', 'column2', 'column3'], 3],
    ['salesforce-dataloader/csvtext_BOM_UTF16BE.csv', 'utf16be', ',', ['column1', 'column2', 'column3'], 3],
    ['csv-spectrum/csvs/newlines_crlf.csv', 'utf8', ',', ['a', 'b', 'c'], 4],
    ['csvkit/test_header_newline.csv', 'utf8', ',', undefined, 2],
  ])('%s', async (file, encoding, delimiter, header, count) => {
    const { format, rows } = await read(path.join(shared, file));
    expect(format).toMatchObject({ encoding, delimiter });
    if (header) expect(rows[0]).toEqual(header);
    expect(rows).toHaveLength(count);
  });

  it('reads a Latin-1 © and UTF-16 text exactly', async () => {
    expect((await read(path.join(shared, 'csvkit/test_latin1.csv'))).rows[2]).toEqual(['4', '5', '©']);
    const p = write('u16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('name,city\nZoë,Köln\n', 'utf16le')]));
    expect((await read(p)).rows).toEqual([
      ['name', 'city'],
      ['Zoë', 'Köln'],
    ]);
    const w = write('w1252.csv', iconv.encode('name;note\nJürgen;“quoted” €5\n', 'win1252'));
    expect(await read(w)).toMatchObject({
      format: { encoding: 'windows1252', delimiter: ';' },
      rows: [
        ['name', 'note'],
        ['Jürgen', '“quoted” €5'],
      ],
    });
    expect((await read(write('pipe.csv', 'a|b\n1|2\n'))).format.delimiter).toBe('|');
  });

  it('keeps quoted newlines and quotes, and tells a header from data', async () => {
    const { rows } = await read(path.join(shared, 'csv-spectrum/csvs/quotes_and_newlines.csv'));
    expect(rows[1]).toEqual(['1', 'ha \n"ha" \nha']);
    expect((await read(path.join(shared, 'csvkit/no_header_row.csv'))).format.hasHeader).toBe(false);
    expect((await read(path.join(shared, 'csv-spectrum/csvs/simple.csv'))).format.hasHeader).toBe(true);
  });

  it('refuses empty, binary and UTF-32 files with a code', async () => {
    await expect(detectFormat(path.join(shared, 'csvkit/empty.csv'))).rejects.toMatchObject({ code: 'import_file_empty' });
    await expect(detectFormat(write('empty.csv', ''))).rejects.toMatchObject({ code: 'import_file_empty' });
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(200, 7)]);
    await expect(detectFormat(write('x.csv', png))).rejects.toMatchObject({ code: 'import_file_binary' });
    const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    await expect(detectFormat(write('noise.csv', noise))).rejects.toMatchObject({ code: 'import_file_binary' });
    await expect(detectFormat(path.join(shared, 'salesforce-dataloader/csvtext_BOM_UTF32LE.csv'))).rejects.toMatchObject({
      code: 'import_file_encoding',
    });
  });

  it('streams a 100 MB field without choking', async () => {
    const big = 'x'.repeat(100 * 1024 * 1024);
    const p = write('big.csv', `name,note\nA,"${big}"\nB,short\n`);
    const { rows } = await read(p);
    expect(rows.map((r) => r[0])).toEqual(['name', 'A', 'B']);
    expect(rows[1]![1]!.length).toBe(big.length);
  }, 180_000);

  it('parses every shared file it accepts without throwing', async () => {
    const manifest = (await import(path.join(shared, 'manifest.json'), { with: { type: 'json' } })).default as {
      files: { file: string }[];
    };
    let parsed = 0;
    for (const f of manifest.files) {
      try {
        await read(path.join(shared, f.file));
        parsed++;
      } catch (err) {
        expect((err as { code?: string }).code).toMatch(/^import_file_/);
      }
    }
    expect(parsed).toBe(manifest.files.length - 3);
  });
});
