import { registerPermissions, roles } from '../../kernel/auth/index.ts';
import { registerErrorCodes } from '../../kernel/errors.ts';
import { registerEventTypes } from '../../kernel/events/index.ts';
import type { App } from '../../kernel/http/index.ts';
import { contactHistoryRoutes } from './http/contact-history-routes.ts';
import { contactListRoutes } from './http/contact-list-routes.ts';
import { contactRoutes } from './http/contact-routes.ts';

export type { ConsentStatus, ContactInput, LeadStatus } from './contact-input.ts';
export { checkLeadStatus, cleanEmails, cleanPhones, displayNameOf } from './contact-input.ts';
export { claimEmails } from './contact-rules.ts';
export { createRandom, type Random } from './demo/prng.ts';
export { demoCompanyCount, demoContactCount, seedCrmDemo } from './demo/seed-crm-demo.ts';
export { emailDomain, freeMailDomains, isFreeMailDomain } from './free-mail-domains.ts';
export * as contactTypes from './http/contacts.types.ts';
export { type LeadAssigner, leadAssigner, leadRoutingOn, registerLeadAssigner } from './lead-assigner.ts';
export { contactAlias, contactFields, contactRegistry } from './queries/contact-fields.ts';
export { type Contact, toContact } from './queries/contact-shape.ts';
export { getConsent } from './queries/get-consent.ts';
export { type ContactDetail, getContact } from './queries/get-contact.ts';
export {
  type DuplicateContactSummary,
  type DuplicateQuery,
  getDuplicateContacts,
  similarNameThreshold,
} from './queries/get-duplicate-contacts.ts';
export { type ExactEmailGroup, getExactEmailGroups } from './queries/get-exact-email-groups.ts';
export { getLifecycleHistory } from './queries/get-lifecycle-history.ts';
export { listContacts } from './queries/list-contacts.ts';
export * from './schema.ts';
export { emailHash, erasedEmails } from './suppression.ts';
export { appendLifecycle, writeEmails } from './use-cases/contact-parts.ts';
export { createContact, type WriteOptions } from './use-cases/create-contact.ts';
export { deleteContact } from './use-cases/delete-contact.ts';
export { type ConsentInput, recordConsent } from './use-cases/record-consent.ts';
export { updateContact } from './use-cases/update-contact.ts';

registerPermissions({
  'contacts:read': { kind: 'read', roles, description: 'See contacts (and custom field definitions)' },
  'contacts:write': {
    kind: 'write',
    roles: ['admin', 'marketing', 'sales_manager', 'sales_rep'],
    description: 'Create and change contacts, record consent',
  },
  'contacts:delete': { kind: 'write', roles: ['admin', 'sales_manager', 'marketing'], description: 'Delete contacts' },
});
registerErrorCodes({ contact_email_taken: 409, contact_erased: 409 });
registerEventTypes([
  { type: 'contact.created', description: 'A contact was created' },
  { type: 'contact.updated', description: 'Fields of a contact changed; data.changed lists them' },
  { type: 'contact.deleted', description: 'A contact was deleted (soft, undoable)' },
  { type: 'contact.lifecycle_changed', description: 'A contact moved to another lifecycle stage (data.from, data.to, data.rule)' },
  { type: 'contact.consent_changed', description: 'A contact’s email consent changed' },
]);

/** The contacts API. */
export async function contactsRoutes(app: App) {
  await contactListRoutes(app);
  await contactRoutes(app);
  await contactHistoryRoutes(app);
}
