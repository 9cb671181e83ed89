import { registerPermissions } from '../../kernel/auth/index.ts';
import { registerEventTypes } from '../../kernel/events/index.ts';

export { eraseContact } from './erase-contact.ts';
export { exportContact } from './export-contact.ts';
export { privacyRoutes } from './http/privacy-routes.ts';

registerPermissions({
  // Admins only: the export carries the contact's audit entries, which only admins may read.
  'contacts:export': {
    kind: 'read',
    roles: ['admin'],
    description: 'Export everything held about a contact (data subject access request)',
  },
});
registerEventTypes([
  {
    type: 'contact.erased',
    description: 'A contact was erased for good (right to erasure); subscribers should delete their copies. data holds no personal data',
  },
]);
