import { Button, Code, Group, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { CopyOnce } from '../../components/copy-field.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ApiError } from '../../lib/api/index.ts';
import { useCreateApiKey } from './use-api-keys.ts';

type Scope = 'read' | 'write';

/** Name and scope in; the full key out, shown once with a copy button and a usage example. */
export function CreateApiKeyModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const create = useCreateApiKey();
  const [name, setName] = useState('');
  const [scope, setScope] = useState<Scope>('write');
  const [key, setKey] = useState<string | null>(null);
  const close = () => {
    onClose();
    setTimeout(() => {
      setKey(null);
      setName('');
      setScope('write');
      create.reset();
    }, 200);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ name: name.trim(), scope }, { onSuccess: (r) => setKey(r.key) });
  };
  const err = create.error instanceof ApiError ? create.error : undefined;
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={<Text fw={650}>{key ? 'Your new API key' : 'Create an API key'}</Text>}
      size="lg"
      closeOnClickOutside={!key}
    >
      {key ? (
        <Stack gap="md">
          <Text size="sm">
            The key <b>{name.trim()}</b> can {scope === 'read' ? 'read' : 'read and change'} data in this workspace, with your role’s
            permissions.
          </Text>
          <CopyOnce label="API key" value={key} />
          <Text size="sm" c="dimmed">
            Send it as a bearer token:
          </Text>
          <Code block>{`curl -H "Authorization: Bearer ${key.slice(0, 12)}…" ${window.location.origin}/api/me`}</Code>
          <Group justify="flex-end">
            <Button onClick={close}>I’ve copied the key</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} aria-label="Create API key">
          <Stack gap="md">
            {create.error != null && !err?.fieldError('name') && <ErrorAlert error={create.error} title="Could not create the key" />}
            <TextInput
              label="Name"
              description="Where the key is used, so you know what breaks if you revoke it"
              placeholder="e.g. Data warehouse sync"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              required
              data-autofocus
              maxLength={100}
              error={err?.fieldError('name')}
            />
            <Radio.Group label="Access" value={scope} onChange={(v) => setScope(v as Scope)}>
              <Stack gap="xs" mt={6}>
                <Radio value="write" label="Read and write" description="Can create, change and delete data" />
                <Radio value="read" label="Read only" description="Can only read data; safest for reporting tools" />
              </Stack>
            </Radio.Group>
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
                Create key
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
