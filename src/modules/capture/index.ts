import { registerPermissions, roles } from '../../kernel/auth/index.ts';
import { registerErrorCodes } from '../../kernel/errors.ts';
import { registerEventTypes } from '../../kernel/events/index.ts';
import type { App, AppDeps } from '../../kernel/http/index.ts';
import { formRoutes } from './http/form-routes.ts';
import { pageRoutes } from './http/page-routes.ts';
import { publicFormRoutes } from './http/public-form-routes.ts';
import { publicPageRoutes } from './http/public-page-routes.ts';

/**
 * Capture: forms (builder, hosted /f/:slug, embed script, no-JS posts, spam defence, consent proof, submissions)
 * and block-based landing pages (/p/:slug). Submissions write contacts through the contacts module.
 */
export { seedCaptureDemo } from './demo.ts';
export { type FormField, type FormSettings, formFieldSchema, formSettingsSchema, type PageBlock, pageBlockSchema } from './form-model.ts';
export * as captureTypes from './http/capture.types.ts';
export { getForm } from './queries/get-form.ts';
export { getForms } from './queries/get-forms.ts';
export { getPage, getPages } from './queries/get-page.ts';
export { getSubmissions } from './queries/get-submissions.ts';
export { formConsentVersions, formSubmissions, forms, landingPages } from './schema.ts';
export { renderToken } from './spam.ts';
export { createForm } from './use-cases/create-form.ts';
export { deleteForm } from './use-cases/delete-form.ts';
export { createPage, deletePage, publishPage, updatePage } from './use-cases/save-page.ts';
export { submitForm } from './use-cases/submit-form.ts';
export { updateForm } from './use-cases/update-form.ts';

registerPermissions({
  'forms:read': { kind: 'read', roles, description: 'See forms, their submissions and export them' },
  'forms:manage': { kind: 'write', roles: ['admin', 'marketing'], description: 'Create, change, publish and delete forms' },
  'pages:read': { kind: 'read', roles, description: 'See landing pages' },
  'pages:manage': { kind: 'write', roles: ['admin', 'marketing'], description: 'Create, change, publish and delete landing pages' },
});
registerErrorCodes({ slug_taken: 409, form_not_found: 404, page_not_found: 404 });
registerEventTypes([
  { type: 'form.created', description: 'A form was created' },
  { type: 'form.updated', description: 'A form changed (fields, settings, status)' },
  { type: 'form.deleted', description: 'A form was deleted' },
  { type: 'form.submitted', description: 'Someone submitted a form; data.contactId, data.created, data.consentGiven' },
  { type: 'page.created', description: 'A landing page was created' },
  { type: 'page.updated', description: 'A landing page’s working copy changed' },
  { type: 'page.published', description: 'A landing page version was published' },
  { type: 'page.unpublished', description: 'A landing page was taken offline' },
  { type: 'page.deleted', description: 'A landing page was deleted' },
]);

/** The forms and landing pages API plus the public /f and /p addresses. */
export async function captureRoutes(app: App, deps: AppDeps) {
  await formRoutes(app);
  await pageRoutes(app, deps);
  await publicFormRoutes(app, deps);
  await publicPageRoutes(app, deps);
}
