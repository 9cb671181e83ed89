import type { App } from '../../../kernel/http/index.ts';
import { recordListRoutes } from '../../companies/index.ts';
import { countContacts, listContacts } from '../queries/list-contacts.ts';
import { contactSchema } from './contacts.types.ts';

/** GET /api/contacts, POST /api/contacts/search and /api/contacts/count. */
export async function contactListRoutes(app: App) {
  recordListRoutes(app, { collection: 'contacts', item: contactSchema, list: listContacts, count: countContacts });
}
