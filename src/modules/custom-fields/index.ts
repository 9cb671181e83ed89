import { registerPermissions } from '../../kernel/auth/index.ts';
import { registerErrorCodes } from '../../kernel/errors.ts';
import { registerEventTypes } from '../../kernel/events/index.ts';
import type { App } from '../../kernel/http/index.ts';
import { customFieldRoutes } from './http/custom-field-routes.ts';

export { syncFieldIndex } from './field-index.ts';
export { type CustomEntityType, customEntityTypes, customText, indexName as customFieldIndexName } from './field-rules.ts';
export * as customFieldTypesHttp from './http/custom-fields.types.ts';
export { type CustomFieldDef, fieldsFor, getCustomField, getCustomFields } from './queries/get-custom-fields.ts';
export { type CustomFieldType, customFieldDefinitions, customFieldTypes } from './schema.ts';
export { archiveCustomField } from './use-cases/archive-custom-field.ts';
export { type CreateCustomFieldInput, createCustomField } from './use-cases/create-custom-field.ts';
export { type UpdateCustomFieldInput, updateCustomField } from './use-cases/update-custom-field.ts';
export { type ValidateOptions, validateCustomValues } from './validate-custom-values.ts';
export { isIsoDate, normalizeDateTime, normalizeEmail, normalizePhone, normalizeUrl, phoneHint, workspaceRegion } from './value-types.ts';

registerPermissions({
  'custom_fields:manage': { kind: 'write', roles: ['admin'], description: 'Define, change and archive custom fields' },
});
registerErrorCodes({ custom_field_key_taken: 409, custom_value_taken: 409, custom_value_not_unique: 409 });
registerEventTypes([
  { type: 'custom_field.created', description: 'A custom field was defined' },
  { type: 'custom_field.updated', description: 'A custom field’s label, choices or rules changed' },
  { type: 'custom_field.archived', description: 'A custom field was archived' },
]);

/** GET/POST /api/custom-fields, GET/PATCH/DELETE /api/custom-fields/:id. */
export async function customFieldsRoutes(app: App) {
  await customFieldRoutes(app);
}
