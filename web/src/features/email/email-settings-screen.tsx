import { Stack } from '@mantine/core';
import { PageHeader } from '../../components/page-header.tsx';
import { usePermissions } from '../auth/use-me.ts';
import { Domains } from './domain-settings.tsx';
import { Senders } from './sender-settings.tsx';
import { SubscriptionTypes } from './subscription-type-settings.tsx';
import { Transports } from './transport-settings.tsx';
import { useTransports } from './use-email.ts';

export function EmailSettingsScreen() {
  const can = usePermissions();
  const transports = useTransports(can('email:manage'));
  return (
    <>
      <PageHeader
        title="Email sending"
        description="Who mail comes from, which servers send it, and the DNS records that make inboxes trust it."
      />
      <Stack gap={40}>
        <Senders transports={transports.data ?? []} />
        <Transports transports={transports} />
        <Domains />
        <SubscriptionTypes />
      </Stack>
    </>
  );
}
