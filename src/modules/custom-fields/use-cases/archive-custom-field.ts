import type { Ctx } from '../../../kernel/context.ts';
import { updateCustomField } from './update-custom-field.ts';

/** Archives a field instead of deleting it: values stay in records; writes and filters no longer accept it; its index is dropped. */
export const archiveCustomField = (ctx: Ctx, id: string) => updateCustomField(ctx, id, { archived: true });
