import type { Ctx } from '../../../kernel/context.ts';
import { importEntity } from '../entities/registry.ts';
import { formatOf, loadImportFile } from '../import-files.ts';
import { autoMap, type Mapping } from '../mapping/auto-map.ts';
import { compileMapping, mapRow } from '../mapping/map-row.ts';
import type { PresetName } from '../mapping/presets.ts';
import { readRecords } from '../parse/read-records.ts';

/**
 * The first 20 rows as they would be stored, checked with the same rules as the import, under the
 * given mapping or an automatic one (by name, synonyms and the HubSpot/Salesforce presets).
 */
export async function previewImport(ctx: Ctx, fileId: string, input: { entity: string; mapping?: Mapping; preset?: PresetName }) {
  const entity = importEntity(input.entity);
  const file = await loadImportFile(ctx, fileId);
  const fields = await entity.fields(ctx);
  const mapping = input.mapping ?? autoMap(file.headers, entity.name, fields, input.preset);
  const compiled = compileMapping(file.headers, mapping, fields);
  const run = await entity.prepare(ctx, compiled.columnOf);
  const format = formatOf(file);
  const out: {
    rowNumber: number;
    values: Record<string, unknown>;
    errors: { column: string | null; field: string | null; value: string | null; problem: string }[];
  }[] = [];
  for await (const rec of readRecords(file.storedAs, format)) {
    if (format.hasHeader && rec.rowNumber === 1) continue;
    const { row } = mapRow(compiled, rec.rowNumber, rec.cells);
    const checked = await run.check(ctx, row);
    out.push(
      checked.ok
        ? { rowNumber: checked.rowNumber, values: checked.values, errors: [] }
        : { rowNumber: checked.rowNumber, values: {}, errors: checked.errors },
    );
    if (out.length >= 20) break;
  }
  return { mapping, suggested: input.mapping === undefined, rows: out };
}
