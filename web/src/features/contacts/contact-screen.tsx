import { Grid, Group, Paper, Skeleton, Stack } from '@mantine/core';
import { IconUserQuestion } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useEffect } from 'react';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { Empty } from '../../components/empty.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ButtonLink } from '../../components/links.tsx';
import { ApiError } from '../../lib/api/index.ts';
import { useMe, usePermissions } from '../auth/use-me.ts';
import { ActivityComposer } from '../records/activity-composer.tsx';
import { RecordTimeline } from '../records/record-timeline.tsx';
import { ContactAudienceCard } from '../segments/contact-audience-card.tsx';
import { RecordTasks } from '../tasks/record-tasks.tsx';
import { ContactWebActivityCard } from '../tracking/contact-web-activity-card.tsx';
import { ContactCompaniesCard } from './contact-companies-card.tsx';
import { ContactDetailsCard } from './contact-details-card.tsx';
import { ContactHeader } from './contact-header.tsx';
import { useContact, useDeleteContact } from './use-contacts.ts';

function PageSkeleton() {
  return (
    <Stack gap="lg" aria-busy="true" aria-label="Loading the contact">
      <Group>
        <Skeleton circle height={56} />
        <Stack gap={8} style={{ flex: 1 }}>
          <Skeleton height={24} width="30%" />
          <Skeleton height={14} width="45%" />
        </Stack>
      </Group>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Skeleton height={320} radius="lg" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Skeleton height={420} radius="lg" />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

/** A contact's page: header, details, companies, the activity composer, tasks and the timeline. */
export function ContactScreen({ id }: { id: string }) {
  const contact = useContact(id);
  const me = useMe();
  const can = usePermissions();
  const remove = useDeleteContact();
  const navigate = useNavigate();
  // A merged-away id answers with the survivor: show the survivor's address.
  const survivor = contact.data && contact.data.id !== id ? contact.data.id : null;
  useEffect(() => {
    if (survivor) navigate({ to: '/contacts/$contactId', params: { contactId: survivor }, replace: true });
  }, [survivor, navigate]);
  if (contact.isPending) return <PageSkeleton />;
  if (contact.isError) {
    if (contact.error instanceof ApiError && contact.error.status === 404)
      return (
        <Paper>
          <Empty
            icon={<IconUserQuestion size={26} />}
            title="This contact does not exist"
            description="It may have been deleted, or you may not have access to it. Search the contacts list instead."
            action={<ButtonLink to="/contacts">Go to contacts</ButtonLink>}
          />
        </Paper>
      );
    return <ErrorAlert error={contact.error} title="Could not load the contact" onRetry={() => contact.refetch()} />;
  }
  const c = contact.data;
  return (
    <>
      <ContactHeader contact={c} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <ContactDetailsCard contact={c} />
            <ContactCompaniesCard contact={c} />
            {can('segments:read') && <ContactAudienceCard contactId={c.id} />}
            {can('tracking:read') && <ContactWebActivityCard contactId={c.id} />}
            {can('contacts:delete') && (
              <Group justify="center">
                <ConfirmButton
                  title={`Delete ${c.displayName}?`}
                  message="The contact disappears from every list, view and search. Activities logged on its companies stay there."
                  confirmLabel="Delete contact"
                  onConfirm={() => remove.mutateAsync(c.id).then(() => navigate({ to: '/contacts' }))}
                >
                  Delete contact
                </ConfirmButton>
              </Group>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <ActivityComposer entity="contact" id={c.id} defaults={{ from: me.user?.email, to: c.email ? [c.email] : [] }} />
            <RecordTasks entity="contact" id={c.id} name={c.displayName} />
            <RecordTimeline entity="contact" id={c.id} />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
