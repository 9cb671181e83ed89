import { Button, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { ApiError } from '../../lib/api/index.ts';
import { useMe } from '../auth/use-me.ts';
import { useUpdateProfile } from './use-profile.ts';

function NameForm() {
  const me = useMe();
  const update = useUpdateProfile();
  const [name, setName] = useState(me.user?.name ?? '');
  const dirty = name.trim() !== (me.user?.name ?? '') && name.trim() !== '';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!dirty) return;
    update.mutate(
      { name: name.trim() },
      { onSuccess: () => notifications.show({ color: 'teal', title: 'Profile saved', message: 'Your name was updated.' }) },
    );
  };
  return (
    <Paper p="lg" component="form" onSubmit={submit} aria-label="Your details">
      <Title order={2} fz="md">
        Your details
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        How you appear to your team and in the audit log.
      </Text>
      <Stack gap="md" maw={480}>
        {update.error != null && <ErrorAlert error={update.error} title="Could not save" />}
        <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} required autoComplete="name" />
        <TextInput label="Email" value={me.user?.email ?? ''} readOnly disabled description="Ask an admin if your email changes." />
        <Group>
          <Button type="submit" disabled={!dirty} loading={update.isPending}>
            Save
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function PasswordForm() {
  const update = useUpdateProfile();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [touched, setTouched] = useState(false);
  const mismatch = touched && confirm !== '' && confirm !== next;
  const tooShort = touched && next !== '' && next.length < 10;
  const err = update.error instanceof ApiError ? update.error : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!current || next.length < 10 || next !== confirm) return;
    update.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          setConfirm('');
          setTouched(false);
          notifications.show({ color: 'teal', title: 'Password changed', message: 'You were signed out on your other devices.' });
        },
      },
    );
  };
  return (
    <Paper p="lg" component="form" onSubmit={submit} aria-label="Change password" noValidate>
      <Title order={2} fz="md">
        Change password
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Use at least 10 characters. Changing it signs you out everywhere else.
      </Text>
      <Stack gap="md" maw={480}>
        {update.error != null && !err?.fieldError('currentPassword') && !err?.fieldError('newPassword') && (
          <ErrorAlert error={update.error} title="Could not change the password" />
        )}
        <PasswordInput
          label="Current password"
          value={current}
          onChange={(e) => setCurrent(e.currentTarget.value)}
          autoComplete="current-password"
          required
          error={err?.fieldError('currentPassword')}
        />
        <PasswordInput
          label="New password"
          value={next}
          onChange={(e) => setNext(e.currentTarget.value)}
          autoComplete="new-password"
          required
          error={tooShort ? 'Use at least 10 characters' : err?.fieldError('newPassword')}
        />
        <PasswordInput
          label="Confirm new password"
          value={confirm}
          onChange={(e) => setConfirm(e.currentTarget.value)}
          autoComplete="new-password"
          required
          error={mismatch ? 'The passwords do not match' : undefined}
        />
        <Group>
          <Button type="submit" loading={update.isPending} disabled={!current || !next || !confirm}>
            Change password
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

/** Settings → Profile: one's own name and password. */
export function ProfileScreen() {
  const me = useMe();
  return (
    <>
      <PageHeader title="Profile" description="Your own account. It is the same in every workspace you belong to." />
      {me.user ? (
        <Stack gap="lg">
          <NameForm />
          <PasswordForm />
        </Stack>
      ) : (
        <Paper p="lg">
          <Text size="sm">You are signed in with an API key ({me.actor.label}); it has no profile.</Text>
        </Paper>
      )}
    </>
  );
}
