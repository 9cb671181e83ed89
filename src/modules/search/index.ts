import type { App } from '../../kernel/http/index.ts';
import { searchRoutes as routes } from './http/search-routes.ts';

export * as searchTypes from './http/search.types.ts';
export { type SearchHit, searchRecords } from './queries/search-records.ts';
export { searchTerms } from './queries/search-terms.ts';
export { duplicateDismissals } from './schema.ts';
export { type DismissInput, type DuplicateEntityType, dismissDuplicate, notDismissed } from './use-cases/dismiss-duplicate.ts';

/** Global search and the duplicate reports. */
export async function searchRoutes(app: App) {
  await routes(app);
}
