import { Alert, Button, Loader, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { IconMailOpened } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { AuthLayout } from '../../components/auth-layout.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ButtonLink } from '../../components/links.tsx';
import { ApiError, type Me, type Role, roleLabels } from '../../lib/api/index.ts';
import { useAcceptInvite, useInvite } from './use-invite.ts';
import { meQuery } from './use-me.ts';
import { useLogin, useSwitchWorkspace } from './use-session.ts';

/** Accepting an invite link: new people choose a name and password, existing users confirm theirs; then they are signed in. */
export function InviteScreen({ token, onJoined }: { token: string; onJoined: () => void }) {
  const invite = useInvite(token);
  const accept = useAcceptInvite(token);
  const login = useLogin();
  const switchWs = useSwitchWorkspace();
  const qc = useQueryClient();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  if (invite.isPending)
    return (
      <AuthLayout title="Join a workspace">
        <Stack align="center" py="lg">
          <Loader aria-label="Loading invite" />
        </Stack>
      </AuthLayout>
    );
  if (invite.isError) {
    const gone = invite.error instanceof ApiError && (invite.error.code === 'invite_not_found' || invite.error.code === 'invite_expired');
    return (
      <AuthLayout title={gone ? 'This invite can’t be used' : 'Join a workspace'}>
        <Stack>
          <ErrorAlert
            error={invite.error}
            title={gone ? 'Invite not valid' : 'Could not load the invite'}
            onRetry={gone ? undefined : () => invite.refetch()}
          />
          <ButtonLink to="/login" variant="default">
            Go to sign in
          </ButtonLink>
        </Stack>
      </AuthLayout>
    );
  }
  const inv = invite.data;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      // If joining worked but signing in did not, a second try only signs in (the link is used up).
      const joined = accept.data ?? (await accept.mutateAsync(inv.hasAccount ? { password } : { name: name.trim(), password }));
      await login.mutateAsync({ email: joined.email, password, workspaceId: joined.workspaceId });
      // Land in the workspace just joined, even when the account already belonged to others.
      const me = qc.getQueryData<Me>(meQuery.queryKey);
      const target = joined.workspaceId ?? me?.workspaces.find((w) => w.name === inv.workspaceName)?.id;
      if (me && target && me.workspace.id !== target) await switchWs.mutateAsync(target);
      onJoined();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const fieldErr = (f: string) => (error instanceof ApiError ? error.fieldError(f) : undefined);

  return (
    <AuthLayout title={`Join ${inv.workspaceName}`} subtitle="You were invited to work together in Tandem.">
      <form onSubmit={submit} noValidate aria-label="Accept invite">
        <Stack gap="md">
          <Alert variant="light" color="brand" icon={<IconMailOpened size={18} />}>
            <Text size="sm">
              <b>{inv.email}</b> is invited to <b>{inv.workspaceName}</b> as <b>{roleLabels[inv.role as Role] ?? inv.role}</b>.
            </Text>
          </Alert>
          {error != null && <ErrorAlert error={error} title="Could not join" />}
          <TextInput label="Email" value={inv.email} readOnly disabled />
          {!inv.hasAccount && (
            <TextInput
              label="Your name"
              autoComplete="name"
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              required
              autoFocus
              error={fieldErr('name')}
            />
          )}
          <PasswordInput
            label={inv.hasAccount ? 'Your current password' : 'Choose a password'}
            description={
              inv.hasAccount ? `You already have a Tandem account as ${inv.email}; confirm it to join.` : 'At least 10 characters'
            }
            autoComplete={inv.hasAccount ? 'current-password' : 'new-password'}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            required
            autoFocus={inv.hasAccount}
            error={fieldErr('password')}
          />
          <Button type="submit" size="md" loading={busy} disabled={!password || (!inv.hasAccount && !name.trim())}>
            {inv.hasAccount ? 'Join workspace' : 'Create account and join'}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
