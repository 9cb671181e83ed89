import { fieldsFor, workspaceRegion } from '../../../custom-fields/index.ts';
import type { ImportEntity } from '../entity.ts';
import { customImportFields, loadMembers } from '../row-values.ts';
import { withoutUnique } from '../unique-values.ts';
import { type CompanyRecord, checkCompanyRow } from './check-company-row.ts';
import { companyImportFields } from './company-fields.ts';
import { undoCompanyChanges } from './undo-company-changes.ts';
import { writeCompanyBatch } from './write-company-batch.ts';

/** Companies: keyed by domain or external id. */
export const companiesEntity: ImportEntity<CompanyRecord> = {
  name: 'companies',
  entityType: 'company',
  permission: 'companies:write',
  keys: ['domain', 'external_id'],
  async fields(ctx) {
    return [...companyImportFields, ...customImportFields(await fieldsFor(ctx, 'company'))];
  },
  async prepare(ctx) {
    const defs = await fieldsFor(ctx, 'company');
    const setup = { defs: withoutUnique(defs), region: await workspaceRegion(ctx), members: await loadMembers(ctx) };
    return {
      check: (c, row) => checkCompanyRow(c, row, setup),
      writeBatch: (c, rows, run) => writeCompanyBatch(c, rows, run, defs),
    };
  },
  undoChanges: undoCompanyChanges,
};
