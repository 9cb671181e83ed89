import { NumberInput, SegmentedControl, Select, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import type { ActivityDraft, ActivityKind } from './activity-draft.ts';

const outcomes = [
  { value: 'connected', label: 'Connected' },
  { value: 'left_voicemail', label: 'Left voicemail' },
  { value: 'no_answer', label: 'No answer' },
  { value: 'busy', label: 'Busy' },
  { value: 'wrong_number', label: 'Wrong number' },
];

interface Props {
  kind: ActivityKind;
  draft: ActivityDraft;
  set: (p: Partial<ActivityDraft>) => void;
  errors: Record<string, string>;
}

/** The fields of one kind of activity. */
export function ActivityFields({ kind, draft, set, errors }: Props) {
  const body = (label: string, placeholder: string) => (
    <Textarea
      label={label}
      placeholder={placeholder}
      autosize
      minRows={kind === 'note' ? 3 : 2}
      maxRows={12}
      value={draft.body}
      onChange={(e) => set({ body: e.currentTarget.value })}
      error={errors.body}
      data-autofocus
    />
  );
  const direction = (
    <SegmentedControl
      size="xs"
      style={{ alignSelf: 'flex-start' }}
      aria-label="Direction"
      value={draft.direction}
      onChange={(v) => set({ direction: v as ActivityDraft['direction'] })}
      data={[
        { value: 'outbound', label: 'Outbound' },
        { value: 'inbound', label: 'Inbound' },
      ]}
    />
  );
  if (kind === 'note') return body('Note', 'What happened, what was agreed, what comes next…');
  if (kind === 'call')
    return (
      <Stack gap="sm">
        {direction}
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Select label="Outcome" data={outcomes} value={draft.outcome} onChange={(outcome) => set({ outcome })} error={errors.outcome} />
          <NumberInput
            label="Duration (minutes)"
            min={0}
            max={1440}
            value={draft.minutes}
            onChange={(n) => set({ minutes: typeof n === 'number' ? n : '' })}
            error={errors.durationSeconds}
          />
          <TextInput
            label="When"
            type="datetime-local"
            value={draft.occurredAt}
            onChange={(e) => set({ occurredAt: e.currentTarget.value })}
            error={errors.occurredAt}
            placeholder="Now"
          />
        </SimpleGrid>
        {body('Call notes', 'What did you talk about?')}
      </Stack>
    );
  if (kind === 'meeting')
    return (
      <Stack gap="sm">
        <TextInput
          label="Title"
          required
          value={draft.subject}
          onChange={(e) => set({ subject: e.currentTarget.value })}
          error={errors.subject}
          placeholder="e.g. Discovery call"
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            label="Starts"
            type="datetime-local"
            value={draft.startsAt}
            onChange={(e) => set({ startsAt: e.currentTarget.value })}
            error={errors.startsAt}
          />
          <TextInput
            label="Ends"
            type="datetime-local"
            value={draft.endsAt}
            onChange={(e) => set({ endsAt: e.currentTarget.value })}
            error={errors.endsAt}
          />
          <TextInput
            label="Location"
            value={draft.location}
            onChange={(e) => set({ location: e.currentTarget.value })}
            error={errors.location}
            placeholder="Room or link"
          />
        </SimpleGrid>
        {body('Meeting notes', 'Agenda, decisions, next steps')}
      </Stack>
    );
  return (
    <Stack gap="sm">
      {direction}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label="From"
          required
          value={draft.from}
          onChange={(e) => set({ from: e.currentTarget.value })}
          error={errors.from}
          placeholder="you@company.com"
        />
        <TagsInput
          label="To"
          required
          value={draft.to}
          onChange={(to) => set({ to })}
          error={errors.to ?? errors['to.0']}
          placeholder="Type an address, then Enter"
        />
      </SimpleGrid>
      <TextInput label="Subject" value={draft.subject} onChange={(e) => set({ subject: e.currentTarget.value })} error={errors.subject} />
      {body('Body', 'The email text')}
    </Stack>
  );
}
