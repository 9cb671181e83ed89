import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { CopyOnce } from '../../components/copy-field.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ApiError, type Role, roleLabels, roles } from '../../lib/api/index.ts';
import { useCreateInvite } from './use-members.ts';

export const roleOptions = roles.map((r) => ({ value: r, label: roleLabels[r] }));

/** Invite by email and role; the link is shown once to send on however you like. */
export function InviteModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const create = useCreateInvite();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('sales_rep');
  const [link, setLink] = useState<string | null>(null);
  const [emailed, setEmailed] = useState(false);
  const close = () => {
    onClose();
    // Reset after the close animation, so the link does not flash away while visible.
    setTimeout(() => {
      setLink(null);
      setEmail('');
      create.reset();
    }, 200);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate(
      { email: email.trim(), role },
      {
        onSuccess: (r) => {
          setLink(r.url);
          setEmailed(r.emailId != null);
        },
      },
    );
  };
  const err = create.error instanceof ApiError ? create.error : undefined;
  return (
    <Modal opened={opened} onClose={close} title={<Text fw={650}>{link ? 'Invite created' : 'Invite people'}</Text>} size="lg">
      {link ? (
        <Stack gap="md">
          <Text size="sm">
            {emailed ? (
              <>
                We emailed this link to <b>{email.trim()}</b> (see Marketing › Email › Outbox when no SMTP relay is set).
              </>
            ) : (
              <>
                Send this link to <b>{email.trim()}</b> (no email was sent: add a sender in Settings › Email sending to mail invites).
              </>
            )}{' '}
            It works once and expires in 7 days. They join as <b>{roleLabels[role]}</b>.
          </Text>
          <CopyOnce
            label="Invite link"
            value={link}
            note="Copy the link now: it is not shown again. You can revoke the invite below while it is pending."
          />
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => {
                setLink(null);
                setEmail('');
                create.reset();
              }}
            >
              Invite someone else
            </Button>
            <Button onClick={close}>Done</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} aria-label="Invite a member">
          <Stack gap="md">
            {create.error != null && !err?.fieldError('email') && <ErrorAlert error={create.error} title="Could not create the invite" />}
            <TextInput
              label="Email"
              type="email"
              placeholder="colleague@company.com"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              required
              data-autofocus
              error={err?.fieldError('email')}
            />
            <Select
              label="Role"
              description="What they can see and change. You can change it later."
              data={roleOptions}
              value={role}
              onChange={(v) => v && setRole(v as Role)}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={create.isPending} disabled={!email.trim()}>
                Create invite link
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
