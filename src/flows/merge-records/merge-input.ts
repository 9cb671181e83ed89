import { AppError } from '../../kernel/errors.ts';

/** What a merge request names: the record that stays, those merged into it, and where chosen fields come from. */
export interface MergeInput {
  survivorId: string;
  /** 1–9 records (ten in all): more are refused with merge_too_many_records. */
  mergedIds: string[];
  /** Field name (or custom.<key>) → the id of the record whose value survives. */
  fields?: Record<string, string>;
}

export type MergeKind = 'contact' | 'company';

/** The most records one merge takes (the survivor included). */
export const maxMergeRecords = 10;

/** Refuses a merge of a record with itself, repeated ids and more than ten records, naming the bad path. */
export function checkMergeInput(input: MergeInput) {
  if (!input.mergedIds.length)
    throw new AppError('validation_failed', 'Name at least one record to merge into the survivor (mergedIds).', {
      path: ['body', 'mergedIds'],
    });
  if (input.mergedIds.length > maxMergeRecords - 1)
    throw new AppError(
      'merge_too_many_records',
      `A merge takes at most ${maxMergeRecords} records (the survivor and ${maxMergeRecords - 1} others); this one names ${input.mergedIds.length + 1}. Merge in several steps.`,
      { path: ['body', 'mergedIds'], max: maxMergeRecords },
    );
  input.mergedIds.forEach((id, i) => {
    if (id === input.survivorId)
      throw new AppError('merge_with_self', `The record ${id} is the survivor; a record cannot be merged into itself.`, {
        path: ['body', 'mergedIds', i],
        id,
      });
    if (input.mergedIds.indexOf(id) !== i)
      throw new AppError('merge_with_self', `The record ${id} is named twice; list each record to merge once.`, {
        path: ['body', 'mergedIds', i],
        id,
      });
  });
}
