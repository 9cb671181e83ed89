import { fieldsFor, workspaceRegion } from '../../../custom-fields/index.ts';
import type { ImportEntity } from '../entity.ts';
import { customImportFields, loadMembers } from '../row-values.ts';
import { withoutUnique } from '../unique-values.ts';
import { type ContactRecord, checkContactRow } from './check-contact-row.ts';
import { contactImportFields } from './contact-fields.ts';
import { undoContactChanges } from './undo-contact-changes.ts';
import { writeContactBatch } from './write-contact-batch.ts';

/** Contacts: keyed by email or external id; company by domain or name (else the work email's domain). */
export const contactsEntity: ImportEntity<ContactRecord> = {
  name: 'contacts',
  entityType: 'contact',
  permission: 'contacts:write',
  keys: ['email', 'external_id'],
  async fields(ctx) {
    return [...contactImportFields, ...customImportFields(await fieldsFor(ctx, 'contact'))];
  },
  async prepare(ctx, columnOf) {
    const defs = await fieldsFor(ctx, 'contact');
    const companyMapped = columnOf.has('company_domain') || columnOf.has('company_name');
    const setup = { defs: withoutUnique(defs), region: await workspaceRegion(ctx), members: await loadMembers(ctx), companyMapped };
    return {
      check: (c, row) => checkContactRow(c, row, setup),
      writeBatch: (c, rows, run) => writeContactBatch(c, rows, run, defs),
    };
  },
  undoChanges: undoContactChanges,
};
