import { Button, Group, Pill } from '@mantine/core';
import { type FieldInfo, optionLabel } from './field-catalog.ts';
import { type Condition, type FilterModel, isComplete } from './filter-ast.ts';
import { isUnary, opLabel } from './filter-ops.ts';
import { formatDate, formatMoney } from './format.ts';
import { useMemberNames, useRecordName } from './record-names.ts';

function ValueText({ c, field }: { c: Condition; field: FieldInfo }) {
  const members = useMemberNames();
  const company = useRecordName('company', field.ref === 'company' && typeof c.value === 'string' ? c.value : null);
  const one = (v: unknown): string => {
    if (field.ref === 'member') return members.get(String(v)) ?? 'someone';
    if (field.ref === 'company') return company.data ?? '…';
    if (field.options) return optionLabel(field.options, v);
    if (field.type === 'money') return formatMoney(v, field.currency ?? 'USD');
    if (field.type === 'date' || field.type === 'datetime') return formatDate(v);
    if (typeof v === 'boolean') return v ? 'yes' : 'no';
    return String(v);
  };
  const v = c.value;
  if (v && typeof v === 'object' && !Array.isArray(v)) return <>{`${v.n} ${v.unit}${v.n === 1 ? '' : 's'}`}</>;
  if (Array.isArray(v)) return <>{v.map(one).join(c.op === 'between' ? ' and ' : ', ')}</>;
  return <>{one(v)}</>;
}

/** The applied conditions as removable pills under the toolbar; clicking one opens the builder. */
export function FilterPills({
  model,
  byKey,
  onChange,
  onEdit,
}: {
  model: FilterModel;
  byKey: Map<string, FieldInfo>;
  onChange: (m: FilterModel) => void;
  onEdit: () => void;
}) {
  const shown = model.conditions.filter(isComplete);
  if (shown.length === 0) return null;
  return (
    <Group gap={6} mb="sm" aria-label="Active filters">
      {shown.map((c, i) => {
        const field = byKey.get(c.field);
        if (!field) return null;
        return (
          <Pill
            key={c.id}
            size="md"
            withRemoveButton
            removeButtonProps={{ 'aria-label': `Remove filter ${field.label}` }}
            onRemove={() => onChange({ ...model, conditions: model.conditions.filter((x) => x.id !== c.id) })}
            onClick={onEdit}
            style={{ cursor: 'pointer' }}
          >
            {i > 0 && <span style={{ opacity: 0.6 }}>{model.match === 'and' ? 'and ' : 'or '}</span>}
            <b>{field.label}</b> {opLabel(c.op, field.type)} {!isUnary(c.op) && <ValueText c={c} field={field} />}
          </Pill>
        );
      })}
      <Button variant="subtle" color="gray" size="compact-xs" onClick={() => onChange({ ...model, conditions: [] })}>
        Clear filters
      </Button>
    </Group>
  );
}
