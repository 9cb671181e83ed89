import { Alert, Button, Loader, PasswordInput, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { AuthLayout } from '../../components/auth-layout.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink, ButtonLink } from '../../components/links.tsx';
import { ApiError } from '../../lib/api/index.ts';
import { useSetup, useSetupStatus } from './use-session.ts';

const browserTimezone = () => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
};

/** First run: the console's one-time link opens this page to create the workspace and its admin. */
export function SetupScreen({ token, onDone }: { token?: string; onDone: () => void }) {
  const status = useSetupStatus();
  const setup = useSetup();
  const [form, setForm] = useState({ workspaceName: '', name: '', email: '', password: '' });
  const set = (k: keyof typeof form) => (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [k]: e.currentTarget.value });
  const timezone = browserTimezone();

  if (status.isPending)
    return (
      <AuthLayout title="Set up Tandem">
        <Stack align="center" py="lg">
          <Loader aria-label="Checking setup" />
        </Stack>
      </AuthLayout>
    );
  if (status.isError)
    return (
      <AuthLayout title="Set up Tandem">
        <ErrorAlert error={status.error} onRetry={() => status.refetch()} />
      </AuthLayout>
    );
  if (!status.data.needed)
    return (
      <AuthLayout title="Tandem is already set up">
        <Stack>
          <Alert variant="light" color="teal" icon={<IconCircleCheck size={18} />}>
            This Tandem already has a workspace. Sign in with your account, or ask an admin for an invite.
          </Alert>
          <ButtonLink to="/login" size="md">
            Go to sign in
          </ButtonLink>
        </Stack>
      </AuthLayout>
    );
  if (!token)
    return (
      <AuthLayout title="Set up Tandem">
        <Alert variant="light" color="brand" icon={<IconInfoCircle size={18} />} title="Use the setup link">
          Open the link printed in the server console when Tandem started. It looks like <code>/setup?token=…</code> and can be used once.
        </Alert>
      </AuthLayout>
    );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setup.mutate(
      { token, ...form, workspaceName: form.workspaceName.trim(), name: form.name.trim(), email: form.email.trim(), timezone },
      { onSuccess: onDone },
    );
  };
  const err = setup.error instanceof ApiError ? setup.error : undefined;
  const fieldErr = (f: string) => err?.fieldError(f);
  return (
    <AuthLayout title="Set up your workspace" subtitle="Create the first workspace and your admin account. You can invite your team next.">
      <form onSubmit={submit} noValidate aria-label="Set up Tandem">
        <Stack gap="md">
          {setup.error != null && <ErrorAlert error={setup.error} title="Setup did not finish" />}
          <TextInput
            label="Workspace name"
            description="Usually your company’s name"
            placeholder="Acme Inc."
            value={form.workspaceName}
            onChange={set('workspaceName')}
            required
            autoFocus
            error={fieldErr('workspaceName')}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
            <TextInput label="Your name" autoComplete="name" value={form.name} onChange={set('name')} required error={fieldErr('name')} />
            <TextInput
              label="Work email"
              type="email"
              autoComplete="email"
              value={form.email}
              onChange={set('email')}
              required
              error={fieldErr('email')}
            />
          </SimpleGrid>
          <PasswordInput
            label="Password"
            description="At least 10 characters"
            autoComplete="new-password"
            value={form.password}
            onChange={set('password')}
            required
            error={fieldErr('password')}
          />
          {timezone && (
            <Text size="xs" c="dimmed">
              Time zone {timezone} and currency USD are used to start; change them any time in Settings → Workspace.
            </Text>
          )}
          <Button
            type="submit"
            size="md"
            loading={setup.isPending}
            disabled={!form.workspaceName.trim() || !form.name.trim() || !form.email.trim() || !form.password}
          >
            Create workspace
          </Button>
          <Text size="xs" c="dimmed" ta="center">
            Already set up?{' '}
            <AnchorLink to="/login" size="xs">
              Sign in
            </AnchorLink>
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}
