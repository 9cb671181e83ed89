import { useMemo } from 'react';
import { useCustomFields } from '../custom-fields/use-custom-fields.ts';
import type { RecordEntity } from './crm-types.ts';
import { builtInFields, customFieldInfo, type FieldInfo } from './field-catalog.ts';

/** Every field of an entity (built-in, then active custom fields) for columns, sorting and filters. */
export function useFields(entity: RecordEntity) {
  const custom = useCustomFields(entity);
  return useMemo(() => {
    const fields: FieldInfo[] = [...builtInFields[entity], ...(custom.data ?? []).map(customFieldInfo)];
    return { fields, byKey: new Map(fields.map((f) => [f.key, f])), isPending: custom.isPending, error: custom.error };
  }, [entity, custom.data, custom.isPending, custom.error]);
}
