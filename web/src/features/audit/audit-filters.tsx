import { Autocomplete, Button, Group, Paper, TextInput } from '@mantine/core';
import { IconFilter, IconX } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import type { AuditLogQuery } from '../../lib/api/index.ts';

export interface AuditFilterValues {
  action: string;
  entityType: string;
  from: string;
  to: string;
}

export const emptyAuditFilters: AuditFilterValues = { action: '', entityType: '', from: '', to: '' };

const entityTypes = ['workspace', 'user', 'invite', 'api_key', 'webhook', 'job'];
const actionHints = ['workspace.', 'member.', 'invite.', 'api_key.', 'webhook.', 'job.', 'user.logged_in', 'user.password_changed'];

/** Local calendar days → the API's ISO instants: `from` at the day's start, `to` at the start of the day after (exclusive). */
export function toQuery(f: AuditFilterValues): AuditLogQuery {
  const day = (s: string, plus = 0) => {
    const [y, m, d] = s.split('-').map(Number);
    return new Date(y!, m! - 1, d! + plus).toISOString();
  };
  return {
    action: f.action.trim() || undefined,
    entityType: f.entityType.trim() || undefined,
    from: f.from ? day(f.from) : undefined,
    to: f.to ? day(f.to, 1) : undefined,
  };
}

/** The filter bar; applies on Enter or "Apply". */
export function AuditFilters({ value, onApply }: { value: AuditFilterValues; onApply: (v: AuditFilterValues) => void }) {
  const [draft, setDraft] = useState(value);
  const set = (k: keyof AuditFilterValues) => (v: string) => setDraft({ ...draft, [k]: v });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(draft);
  };
  const active = Object.values(value).some(Boolean);
  return (
    <Paper p="md" mb="md" component="form" onSubmit={submit} aria-label="Filter the audit log">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Autocomplete
          label="Action"
          placeholder="e.g. member. or api_key.created"
          data={actionHints}
          value={draft.action}
          onChange={set('action')}
          w={230}
        />
        <Autocomplete
          label="Entity type"
          placeholder="Any"
          data={entityTypes}
          value={draft.entityType}
          onChange={set('entityType')}
          w={170}
        />
        <TextInput label="From" type="date" value={draft.from} onChange={(e) => set('from')(e.currentTarget.value)} w={160} />
        <TextInput
          label="To"
          type="date"
          value={draft.to}
          onChange={(e) => set('to')(e.currentTarget.value)}
          w={160}
          min={draft.from || undefined}
        />
        <Group gap="xs">
          <Button type="submit" leftSection={<IconFilter size={16} />}>
            Apply
          </Button>
          {active && (
            <Button
              variant="subtle"
              color="gray"
              leftSection={<IconX size={16} />}
              onClick={() => {
                setDraft(emptyAuditFilters);
                onApply(emptyAuditFilters);
              }}
            >
              Clear
            </Button>
          )}
        </Group>
      </Group>
    </Paper>
  );
}
