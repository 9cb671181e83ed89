export { escapeLike, opsByKind, opsFor } from './compile-condition.ts';
export { type CompileOptions, compileFilter, validateFilter } from './compile-filter.ts';
export { type CompiledSort, compileSort, keysetAfter } from './compile-sort.ts';
export { type CustomFieldSpec, customFieldDefs, customFieldKeyPattern, customFieldSql } from './custom-fields.ts';
export {
  defineRegistry,
  type FieldDef,
  type FieldRegistry,
  type FieldType,
  fieldTypes,
  isSortable,
  type PredicateDef,
  type PredicateHelpers,
  registerFields,
  registerPredicate,
  withFields,
} from './field-registry.ts';
export {
  type CountCompare,
  countCompareSchema,
  FILTER_LIMITS,
  type FilterCondition,
  type FilterNode,
  type FilterOp,
  type FilterPredicateNode,
  type FilterValue,
  filterArg,
  filterConditionSchema,
  filterNodeSchema,
  filterOps,
  filterPredicateSchema,
  filterSchema,
  filterValueSchema,
  maxSpan,
  measureFilter,
  type RelativeSpan,
  relativeSpanSchema,
  type SortSpec,
  sortSchema,
  type TimeUnit,
  timeUnits,
} from './filter.types.ts';
export { type FilterPath, filterInvalid } from './filter-error.ts';
