import { Avatar, Badge, Group, Text } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { memo } from 'react';
import type { RecordEntity, RecordRow } from './crm-types.ts';
import { type FieldInfo, optionLabel } from './field-catalog.ts';
import { formatDate, formatMoney, formatNumber, initialsOf, leadStatusColors, relativeParts, stageColors } from './format.ts';
import { RecordLink, RecordName } from './record-link.tsx';

/** A row's value for a field (custom.<key> reads the custom object). */
export function cellValue(row: RecordRow, field: FieldInfo): unknown {
  return field.prop.startsWith('custom.') ? row.custom?.[field.prop.slice(7)] : row[field.prop];
}

const dash = (
  <Text span size="sm" c="dimmed">
    —
  </Text>
);

function Plain({ children, title }: { children: string; title?: string }) {
  return (
    <Text span size="sm" truncate="end" title={title ?? children} display="block">
      {children}
    </Text>
  );
}

const colorOf = (field: FieldInfo, v: string) =>
  field.key === 'lifecycle_stage' ? stageColors[v] : field.key === 'lead_status' ? leadStatusColors[v] : 'gray';

function Badges({ values, field }: { values: string[]; field: FieldInfo }) {
  return (
    <Group gap={4} wrap="nowrap" style={{ overflow: 'hidden' }}>
      {values.slice(0, 2).map((v) => (
        <Badge key={v} size="sm" color="gray" tt="none" fw={500} style={{ flexShrink: 0 }}>
          {optionLabel(field.options, v)}
        </Badge>
      ))}
      {values.length > 2 && (
        <Text span size="xs" c="dimmed" title={values.join(', ')}>
          +{values.length - 2}
        </Text>
      )}
    </Group>
  );
}

/** One cell of the records grid; links and nested controls stay out of the tab order (the row is the tab stop). */
export const GridCell = memo(function GridCell({
  row,
  field,
  entity,
  members,
  isName,
}: {
  row: RecordRow;
  field: FieldInfo;
  entity: RecordEntity;
  members: Map<string, string>;
  isName: boolean;
}) {
  const v = cellValue(row, field);
  if (isName) {
    const name = String(v ?? '') || '(no name)';
    return (
      <Group gap={10} wrap="nowrap" style={{ minWidth: 0 }}>
        <Avatar size={26} radius={entity === 'company' ? 'sm' : 'xl'} color="initials" name={name}>
          {initialsOf(name)}
        </Avatar>
        <RecordLink entity={entity} id={row.id} tabIndex={-1}>
          {name}
        </RecordLink>
      </Group>
    );
  }
  if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return dash;
  switch (field.type) {
    case 'select':
      return (
        <Badge size="sm" color={colorOf(field, String(v))} tt="none" fw={500}>
          {optionLabel(field.options, v)}
        </Badge>
      );
    case 'multi_select':
    case 'tags':
      return <Badges values={(v as string[]).map(String)} field={field} />;
    case 'boolean':
      return v ? <IconCheck size={16} aria-label="Yes" color="var(--mantine-color-teal-6)" /> : dash;
    case 'number':
      return <Plain>{formatNumber(v)}</Plain>;
    case 'money':
      return <Plain>{formatMoney(v, field.custom ? field.currency : (row.annualRevenueCurrency as string | null))}</Plain>;
    case 'date':
      return <Plain>{formatDate(v)}</Plain>;
    case 'datetime': {
      const p = relativeParts(v);
      return p ? <Plain title={p.title}>{p.text}</Plain> : dash;
    }
    case 'uuid':
      if (field.ref === 'member') return <Plain>{members.get(String(v)) ?? 'Former member'}</Plain>;
      if (field.ref === 'company') return <RecordName entity="company" id={String(v)} tabIndex={-1} />;
      return <Plain>{String(v)}</Plain>;
    default:
      return <Plain>{String(v)}</Plain>;
  }
});

/** Column widths (px, the minimum of a flexible track) by field type. */
export function columnWidth(field: FieldInfo, isName: boolean): number {
  if (isName) return 260;
  if (field.type === 'email' || field.type === 'url') return 230;
  if (field.type === 'uuid') return 190;
  if (field.type === 'boolean') return 120;
  if (field.type === 'number' || field.type === 'money' || field.type === 'date') return 140;
  if (field.type === 'datetime') return 150;
  if (field.type === 'select') return 170;
  return 180;
}
