import { Badge, Button, Group, Paper, Text, TextInput } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ApiError } from '../../lib/api/index.ts';
import { Section } from './settings-parts.tsx';
import { useCreateSubscriptionType, useSubscriptionTypes } from './use-email.ts';

export function SubscriptionTypes() {
  const types = useSubscriptionTypes();
  const create = useCreateSubscriptionType();
  const [name, setName] = useState('');
  const [key, setKey] = useState('');
  const err = create.error instanceof ApiError ? create.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { key, name },
      {
        onSuccess: () => {
          setName('');
          setKey('');
        },
      },
    );
  };
  return (
    <Section
      title="Subscription types"
      description="Kinds of marketing mail people can opt out of one by one in the preference centre (newsletter, events, product news)."
    >
      <Paper p="md" component="form" onSubmit={submit} aria-label="Add a subscription type">
        <Group align="flex-start" gap="sm">
          <TextInput
            label="Name"
            placeholder="Newsletter"
            value={name}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setName(v);
              setKey(
                v
                  .toLowerCase()
                  .replace(/[^a-z0-9]+/g, '-')
                  .replace(/^-+|-+$/g, '')
                  .slice(0, 40),
              );
            }}
            error={err?.fieldError('name')}
            w={240}
          />
          <TextInput
            label="Key"
            value={key}
            onChange={(e) => setKey(e.currentTarget.value)}
            error={err?.fieldError('key') ?? (err && !err.fieldError('name') ? err.message : undefined)}
            w={200}
          />
          <Button
            type="submit"
            mt={25}
            variant="default"
            leftSection={<IconPlus size={16} />}
            loading={create.isPending}
            disabled={!name.trim() || !key}
          >
            Add type
          </Button>
        </Group>
      </Paper>
      {types.isError ? (
        <ErrorAlert error={types.error} title="Could not load subscription types" onRetry={() => types.refetch()} />
      ) : types.data && types.data.length > 0 ? (
        <Group gap="xs">
          {types.data.map((t) => (
            <Badge key={t.id} variant="light" size="lg" tt="none">
              {t.name}{' '}
              <Text span size="xs" c="dimmed">
                ({t.key})
              </Text>
            </Badge>
          ))}
        </Group>
      ) : (
        types.data && (
          <Text size="sm" c="dimmed">
            None yet: broadcasts then go to everyone who has not unsubscribed from all marketing mail.
          </Text>
        )
      )}
    </Section>
  );
}

/** Email sending settings: senders, SMTP relays with caps, sending domains with their DNS records, subscription types. */
