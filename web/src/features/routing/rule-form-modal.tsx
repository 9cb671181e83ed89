import { Alert, Button, Code, Group, Modal, SegmentedControl, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { IconFlask } from '@tabler/icons-react';
import { type FormEvent, useEffect, useState } from 'react';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { fieldErrors } from '../records/field-errors.ts';
import { emptyFilter } from '../records/filter-ast.ts';
import { FilterBuilder } from '../records/filter-builder.tsx';
import { useMemberNames, useMemberOptions } from '../records/record-names.ts';
import { RecordPicker } from '../records/record-picker.tsx';
import { useFields } from '../records/use-fields.ts';
import { type RoutingRule, type RuleBody, type Strategy, strategyLabels } from './routing-types.ts';
import { joinConditions, type RuleConditions, splitConditions } from './rule-conditions.ts';
import { usePreviewRouting, useSaveRule, useTeams } from './use-routing.ts';

interface Draft {
  name: string;
  active: boolean;
  strategy: Strategy;
  teamId: string | null;
  ownerId: string | null;
  loadMeasure: 'open_leads' | 'open_tasks';
  conditions: RuleConditions | null;
}

const draftOf = (r?: RoutingRule): Draft => ({
  name: r?.name ?? '',
  active: r?.active ?? true,
  strategy: r?.strategy ?? 'round_robin',
  teamId: r?.teamId ?? null,
  ownerId: r?.ownerId ?? null,
  loadMeasure: r?.loadMeasure ?? 'open_leads',
  conditions: r ? splitConditions(r.conditions) : { lead: emptyFilter, company: emptyFilter },
});

function bodyOf(d: Draft, saved?: RoutingRule): RuleBody {
  return {
    name: d.name,
    active: d.active,
    strategy: d.strategy,
    teamId: d.strategy === 'owner' ? null : d.teamId,
    ownerId: d.strategy === 'owner' ? d.ownerId : null,
    loadMeasure: d.loadMeasure,
    conditions: (d.conditions ? joinConditions(d.conditions) : saved?.conditions) as RuleBody['conditions'],
  };
}

const keys = ['name', 'teamId', 'ownerId', 'conditions'];

/** "Test this rule against a contact": who the draft would give the contact to, without saving anything. */
function RuleTester({ draft, saved }: { draft: Draft; saved?: RoutingRule }) {
  const [contactId, setContactId] = useState<string | null>(null);
  const preview = usePreviewRouting();
  const names = useMemberNames();
  const result = preview.data;
  return (
    <Stack gap="xs" p="sm" bg="var(--mantine-color-default-hover)" style={{ borderRadius: 8 }}>
      <Title order={3} fz="sm">
        Test this rule against a contact
      </Title>
      <Group align="flex-end" gap="xs">
        <RecordPicker entity="contact" value={contactId} onChange={setContactId} label="Contact" placeholder="Search contacts" w={300} />
        <Button
          variant="default"
          leftSection={<IconFlask size={16} />}
          disabled={!contactId}
          loading={preview.isPending}
          onClick={() => contactId && preview.mutate({ contactId, rule: bodyOf(draft, saved) })}
        >
          Test
        </Button>
      </Group>
      {preview.error != null && <ErrorAlert error={preview.error} title="Could not test the rule" />}
      {result && (
        <Text size="sm" role="status" data-testid="rule-test-result">
          {!result.trace[0]?.matched
            ? 'No match: this contact does not meet the conditions.'
            : result.ownerId
              ? `Match: the lead would go to ${names.get(result.ownerId) ?? 'a member'}.`
              : 'Match, but nobody can take it (empty team or owner gone): the next rule would be tried.'}
          {!result.isLead && ' Note: this contact is not a lead, so routing would leave it alone.'}
        </Text>
      )}
    </Stack>
  );
}

/** Create or edit a routing rule: conditions on the lead and its company, and who gets matching leads. */
export function RuleFormModal({ opened, onClose, rule }: { opened: boolean; onClose: () => void; rule?: RoutingRule }) {
  const save = useSaveRule();
  const teams = useTeams();
  const members = useMemberOptions();
  const contactFields = useFields('contact');
  const companyFields = useFields('company');
  const [draft, setDraft] = useState<Draft>(() => draftOf(rule));
  const [open, setOpen] = useState<'lead' | 'company' | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the dialog opens on another rule
  useEffect(() => {
    if (opened) {
      setDraft(draftOf(rule));
      save.reset();
    }
  }, [opened, rule?.id]);
  const set = (p: Partial<Draft>) => setDraft((d) => ({ ...d, ...p }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate({ id: rule?.id, body: bodyOf(draft, rule) }, { onSuccess: onClose });
  };
  const { byField, unplaced } = fieldErrors(save.error, keys);
  const c = draft.conditions;
  return (
    <Modal opened={opened} onClose={onClose} title={<Text fw={650}>{rule ? 'Edit routing rule' : 'New routing rule'}</Text>} size="xl">
      <form onSubmit={submit} noValidate aria-label={rule ? 'Edit routing rule' : 'New routing rule'}>
        <Stack gap="md">
          {save.error != null && unplaced && <ErrorAlert error={save.error} title="Could not save the rule" />}
          <Group align="flex-end">
            <TextInput
              label="Name"
              required
              placeholder="e.g. Europe, mid-market"
              value={draft.name}
              onChange={(e) => set({ name: e.currentTarget.value })}
              error={byField.name}
              data-autofocus
              style={{ flex: 1 }}
            />
            <Switch label="Active" checked={draft.active} onChange={(e) => set({ active: e.currentTarget.checked })} mb={8} />
          </Group>
          <Stack gap={6}>
            <Text fw={600} size="sm">
              When a new lead matches
            </Text>
            {c ? (
              <Group gap="lg" align="flex-start">
                <Stack gap={4}>
                  <Text size="xs" c="dimmed">
                    Lead fields (source, tags, title, custom fields…)
                  </Text>
                  <FilterBuilder
                    fields={contactFields.fields}
                    byKey={contactFields.byKey}
                    value={c.lead}
                    onChange={(lead) => set({ conditions: { ...c, lead } })}
                    opened={open === 'lead'}
                    onOpenedChange={(o) => setOpen(o ? 'lead' : null)}
                  />
                </Stack>
                <Stack gap={4}>
                  <Text size="xs" c="dimmed">
                    Company fields (country, region, industry, employees…)
                  </Text>
                  <FilterBuilder
                    fields={companyFields.fields}
                    byKey={companyFields.byKey}
                    value={c.company}
                    onChange={(company) => set({ conditions: { ...c, company } })}
                    opened={open === 'company'}
                    onOpenedChange={(o) => setOpen(o ? 'company' : null)}
                  />
                </Stack>
              </Group>
            ) : (
              <Alert color="gray" variant="light" title="Conditions written through the API">
                <Code block>{JSON.stringify(rule?.conditions, null, 2)}</Code>
                <Button
                  size="xs"
                  variant="default"
                  mt="xs"
                  onClick={() => set({ conditions: { lead: emptyFilter, company: emptyFilter } })}
                >
                  Replace with new conditions
                </Button>
              </Alert>
            )}
            {byField.conditions && (
              <Text size="sm" c="red" role="alert">
                {byField.conditions}
              </Text>
            )}
            <Text size="xs" c="dimmed">
              No conditions: the rule takes every lead that reaches it.
            </Text>
          </Stack>
          <Stack gap={6}>
            <Text fw={600} size="sm">
              Give it to
            </Text>
            <SegmentedControl
              data={(Object.keys(strategyLabels) as Strategy[]).map((s) => ({ value: s, label: strategyLabels[s] }))}
              value={draft.strategy}
              onChange={(v) => set({ strategy: v as Strategy })}
              aria-label="Strategy"
            />
            {draft.strategy === 'owner' ? (
              <Select
                label="Owner"
                data={members}
                value={draft.ownerId}
                onChange={(v) => set({ ownerId: v })}
                searchable
                error={byField.ownerId}
              />
            ) : (
              <Group grow>
                <Select
                  label="Team"
                  data={(teams.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
                  value={draft.teamId}
                  onChange={(v) => set({ teamId: v })}
                  error={byField.teamId}
                  nothingFoundMessage="No teams yet: create one under Users & invites"
                />
                {draft.strategy === 'least_loaded' && (
                  <Select
                    label="Load is counted as"
                    data={[
                      { value: 'open_leads', label: 'Open leads they own' },
                      { value: 'open_tasks', label: 'Open tasks assigned to them' },
                    ]}
                    value={draft.loadMeasure}
                    onChange={(v) => v && set({ loadMeasure: v as Draft['loadMeasure'] })}
                    allowDeselect={false}
                  />
                )}
              </Group>
            )}
          </Stack>
          <RuleTester draft={draft} saved={rule} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {rule ? 'Save rule' : 'Add rule'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
