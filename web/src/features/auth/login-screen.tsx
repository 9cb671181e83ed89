import { Alert, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { IconInfoCircle, IconLock } from '@tabler/icons-react';
import { type FormEvent, useRef, useState } from 'react';
import { AuthLayout } from '../../components/auth-layout.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ApiError } from '../../lib/api/index.ts';
import { useLogin, useSetupStatus } from './use-session.ts';

function minutes(seconds: number) {
  const m = Math.ceil(seconds / 60);
  return m <= 1 ? 'a minute' : `${m} minutes`;
}

/** Email + password sign-in; says plainly when the account is throttled or Tandem is not set up yet. */
export function LoginScreen({ onSignedIn, notice }: { onSignedIn: () => void; notice?: string }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useLogin();
  const setup = useSetupStatus();
  const passwordRef = useRef<HTMLInputElement>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate(
      { email: email.trim(), password },
      {
        onSuccess: onSignedIn,
        onError: () => {
          setPassword('');
          passwordRef.current?.focus();
        },
      },
    );
  };

  const err = login.error;
  const limited = err instanceof ApiError && err.code === 'rate_limited';
  return (
    <AuthLayout title="Sign in to Tandem" subtitle="Welcome back. Enter your work email and password.">
      <form onSubmit={submit} noValidate aria-label="Sign in">
        <Stack gap="md">
          {setup.data?.needed && (
            <Alert variant="light" color="brand" icon={<IconInfoCircle size={18} />} title="Tandem is not set up yet">
              Open the setup link that was printed in the server console when Tandem started. It creates the first workspace and your admin
              account.
            </Alert>
          )}
          {notice && !err && (
            <Alert variant="light" color="gray" icon={<IconInfoCircle size={18} />}>
              {notice}
            </Alert>
          )}
          {err &&
            (limited ? (
              <Alert color="orange" variant="light" icon={<IconLock size={18} />} title="Too many attempts" role="alert">
                For your security, sign-in is paused
                {(err as ApiError).retryAfterSeconds ? ` for about ${minutes((err as ApiError).retryAfterSeconds!)}` : ' for a while'}. Try
                again later, or ask an admin to reset your password.
              </Alert>
            ) : (
              <ErrorAlert
                error={err}
                title={err instanceof ApiError && err.code === 'invalid_credentials' ? 'Could not sign you in' : 'Sign-in failed'}
              />
            ))}
          <TextInput
            label="Email"
            type="email"
            autoComplete="username"
            placeholder="you@company.com"
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            required
            withAsterisk={false}
            autoFocus
            size="md"
          />
          <PasswordInput
            ref={passwordRef}
            label="Password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            required
            withAsterisk={false}
            size="md"
          />
          <Button type="submit" size="md" fullWidth loading={login.isPending} disabled={!email.trim() || !password} mt="xs">
            Sign in
          </Button>
          <Text size="xs" c="dimmed" ta="center">
            Forgot your password? An admin can reset it with <code>tandem user reset-password</code>.
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}
