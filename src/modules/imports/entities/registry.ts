import { AppError } from '../../../kernel/errors.ts';
import { activitiesEntity } from './activities/activities-entity.ts';
import { companiesEntity } from './companies/companies-entity.ts';
import { contactsEntity } from './contacts/contacts-entity.ts';
import { dealsEntity } from './deals/deals-entity.ts';
import type { ImportEntity } from './entity.ts';

/** Every importable entity by name. */
const entities = new Map<string, ImportEntity>([
  [contactsEntity.name, contactsEntity as ImportEntity],
  [companiesEntity.name, companiesEntity as ImportEntity],
  [activitiesEntity.name, activitiesEntity as ImportEntity],
  [dealsEntity.name, dealsEntity as ImportEntity],
]);

export const importEntityNames = ['contacts', 'companies', 'activities', 'deals'] as const;

/** Adds an entity (modules that own a record type can plug theirs in). */
export function registerImportEntity(entity: ImportEntity) {
  entities.set(entity.name, entity);
}

export function importEntity(name: string): ImportEntity {
  const e = entities.get(name);
  if (!e)
    throw new AppError(
      'import_entity_unsupported',
      `Importing ${name} is not supported yet; import one of: ${[...entities.keys()].join(', ')}.`,
      {
        path: ['body', 'entity'],
      },
    );
  return e;
}
