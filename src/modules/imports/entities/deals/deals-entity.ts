import { workspaceCurrency } from '../../../companies/index.ts';
import { fieldsFor, workspaceRegion } from '../../../custom-fields/index.ts';
import { getPipelines } from '../../../sales/index.ts';
import type { ImportEntity } from '../entity.ts';
import { customImportFields, loadMembers } from '../row-values.ts';
import { withoutUnique } from '../unique-values.ts';
import { checkDealRow, type DealRecord } from './check-deal-row.ts';
import { dealImportFields } from './deal-fields.ts';
import { undoDealChanges } from './undo-deal-changes.ts';
import { writeDealBatch } from './write-deal-batch.ts';

/** Deals: keyed by external id (create mode also takes rows without one); pipeline and stage by name. */
export const dealsEntity: ImportEntity<DealRecord> = {
  name: 'deals',
  entityType: 'deal',
  permission: 'deals:write',
  keys: ['external_id'],
  async fields(ctx) {
    return [...dealImportFields, ...customImportFields(await fieldsFor(ctx, 'deal'))];
  },
  async prepare(ctx) {
    const setup = {
      // Unique values are checked by createDeal/updateDeal, which know the record a row updates.
      defs: withoutUnique(await fieldsFor(ctx, 'deal')),
      region: await workspaceRegion(ctx),
      members: await loadMembers(ctx),
      pipelines: await getPipelines(ctx),
      currency: await workspaceCurrency(ctx),
    };
    return {
      check: (c, row) => checkDealRow(c, row, setup),
      writeBatch: (c, rows, run) => writeDealBatch(c, rows, run),
    };
  },
  undoChanges: undoDealChanges,
};
