import { Anchor, Avatar, Badge, Breadcrumbs, Grid, Group, Paper, Select, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBuildingOff } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useEffect } from 'react';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { Empty } from '../../components/empty.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink, ButtonLink } from '../../components/links.tsx';
import { ApiError, errorMessage } from '../../lib/api/index.ts';
import { usePermissions } from '../auth/use-me.ts';
import { ActivityComposer } from '../records/activity-composer.tsx';
import type { CompanyDetail } from '../records/crm-types.ts';
import { initialsOf } from '../records/format.ts';
import { useMemberOptions } from '../records/record-names.ts';
import { RecordTimeline } from '../records/record-timeline.tsx';
import { rememberRecord } from '../search/use-search.ts';
import { RecordTasks } from '../tasks/record-tasks.tsx';
import { CompanyContactsCard } from './company-contacts-card.tsx';
import { CompanyDetailsCard } from './company-details-card.tsx';
import { useCompany, useDeleteCompany, useUpdateCompany } from './use-companies.ts';

function CompanyHeader({ company }: { company: CompanyDetail }) {
  const can = usePermissions();
  const members = useMemberOptions();
  const update = useUpdateCompany(company.id);
  useEffect(() => {
    document.title = `${company.name} · Tandem`;
    rememberRecord({ type: 'company', id: company.id, title: company.name, subtitle: company.domain });
  }, [company.id, company.name, company.domain]);
  const setOwner = (ownerId: string | null) =>
    update.mutate(
      { ownerId },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: 'Owner saved' }),
        onError: (err) => notifications.show({ color: 'red', title: 'Could not change the owner', message: errorMessage(err) }),
      },
    );
  return (
    <Stack gap="md" mb="lg">
      <Breadcrumbs>
        <AnchorLink to="/companies" size="sm">
          Companies
        </AnchorLink>
        <Text size="sm" c="dimmed" truncate="end" maw={300}>
          {company.name}
        </Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="lg">
        <Group gap="md" wrap="nowrap" style={{ minWidth: 0 }}>
          <Avatar size={56} radius="md" color="initials" name={company.name}>
            {initialsOf(company.name)}
          </Avatar>
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Title order={1} style={{ wordBreak: 'break-word' }}>
              {company.name}
            </Title>
            <Group gap={8}>
              {company.domain && (
                <Anchor href={`https://${company.domain}`} target="_blank" rel="noreferrer" size="sm" c="dimmed">
                  {company.domain}
                </Anchor>
              )}
              {company.industry && (
                <Text c="dimmed" size="sm">
                  {company.industry}
                </Text>
              )}
              {company.tags.map((t) => (
                <Badge key={t} color="gray" tt="none" fw={500}>
                  {t}
                </Badge>
              ))}
            </Group>
          </Stack>
        </Group>
        <Select
          label="Owner"
          w={200}
          data={members}
          value={company.ownerId}
          placeholder="No owner"
          clearable
          allowDeselect
          searchable
          disabled={!can('companies:write')}
          onChange={setOwner}
        />
      </Group>
    </Stack>
  );
}

/** A company's page: details, its contacts, the activity composer, tasks and the timeline (its contacts' activities too). */
export function CompanyScreen({ id }: { id: string }) {
  const company = useCompany(id);
  const can = usePermissions();
  const remove = useDeleteCompany();
  const navigate = useNavigate();
  if (company.isPending)
    return (
      <Stack gap="lg" aria-busy="true" aria-label="Loading the company">
        <Skeleton height={60} width="40%" />
        <Skeleton height={400} radius="lg" />
      </Stack>
    );
  if (company.isError) {
    if (company.error instanceof ApiError && company.error.status === 404)
      return (
        <Paper>
          <Empty
            icon={<IconBuildingOff size={26} />}
            title="This company does not exist"
            description="It may have been deleted or merged, or you may not have access to it."
            action={<ButtonLink to="/companies">Go to companies</ButtonLink>}
          />
        </Paper>
      );
    return <ErrorAlert error={company.error} title="Could not load the company" onRetry={() => company.refetch()} />;
  }
  const c = company.data;
  return (
    <>
      <CompanyHeader company={c} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <CompanyDetailsCard company={c} />
            <CompanyContactsCard id={c.id} count={c.contactCount} name={c.name} />
            {can('companies:delete') && (
              <Group justify="center">
                <ConfirmButton
                  title={`Delete ${c.name}?`}
                  message="The company disappears from every list and search. Its contacts stay, without this company."
                  confirmLabel="Delete company"
                  onConfirm={() => remove.mutateAsync(c.id).then(() => navigate({ to: '/companies' }))}
                >
                  Delete company
                </ConfirmButton>
              </Group>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <ActivityComposer entity="company" id={c.id} />
            <RecordTasks entity="company" id={c.id} name={c.name} />
            <RecordTimeline entity="company" id={c.id} />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
