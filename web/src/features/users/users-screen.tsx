import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconMailForward, IconUserPlus } from '@tabler/icons-react';
import { Empty } from '../../components/empty.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { LoadingCard } from '../../components/table-card.tsx';
import { InviteModal } from './invite-modal.tsx';
import { InvitesTable } from './invites-table.tsx';
import { MembersTable } from './members-table.tsx';
import { useInvites, useMembers } from './use-members.ts';

function Section({ title, description, children }: { title: string; description: string; children: React.ReactNode }) {
  return (
    <Stack gap="sm">
      <div>
        <Title order={2} fz="md">
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          {description}
        </Text>
      </div>
      {children}
    </Stack>
  );
}

/** Settings → Users & invites: members and their roles, invites by link, pending invites. */
export function UsersScreen() {
  const members = useMembers();
  const invites = useInvites();
  const [opened, { open, close }] = useDisclosure(false);
  const invite = (
    <Button leftSection={<IconUserPlus size={16} />} onClick={open}>
      Invite people
    </Button>
  );
  return (
    <>
      <PageHeader title="Users & invites" description="Who can use this workspace, and what each person may do." actions={invite} />
      <InviteModal opened={opened} onClose={close} />
      <Stack gap="xl">
        <Section title="Members" description="Roles decide what people can see and change. A workspace always keeps at least one admin.">
          {members.isPending ? (
            <LoadingCard label="Loading members" />
          ) : members.isError ? (
            <ErrorAlert error={members.error} title="Could not load members" onRetry={() => members.refetch()} />
          ) : (
            <MembersTable members={members.data} />
          )}
        </Section>
        <Section title="Pending invites" description="Invite links not yet used. Each works once and expires after 7 days.">
          {invites.isPending ? (
            <LoadingCard rows={2} label="Loading invites" />
          ) : invites.isError ? (
            <ErrorAlert error={invites.error} title="Could not load invites" onRetry={() => invites.refetch()} />
          ) : invites.data.length === 0 ? (
            <Paper>
              <Empty
                icon={<IconMailForward size={26} />}
                title="No pending invites"
                description="Invite teammates by email. You get a link to send them; they choose their own password."
                action={
                  <Button variant="light" leftSection={<IconUserPlus size={16} />} onClick={open}>
                    Invite people
                  </Button>
                }
              />
            </Paper>
          ) : (
            <InvitesTable invites={invites.data} />
          )}
        </Section>
      </Stack>
    </>
  );
}
