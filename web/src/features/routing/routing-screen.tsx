import { Stack } from '@mantine/core';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { LoadingCard } from '../../components/table-card.tsx';
import { usePermissions } from '../auth/use-me.ts';
import { RoutingRulesCard } from './routing-rules-card.tsx';
import { SlaSettingsCard } from './sla-settings-card.tsx';
import { useRoutingSettings } from './use-routing.ts';

/** Settings → Lead routing: the rules, the first-touch target with business hours, follow-ups. */
export function RoutingScreen() {
  const can = usePermissions();
  const canEdit = can('routing:manage');
  const settings = useRoutingSettings();
  return (
    <Stack gap="lg">
      <PageHeader
        title="Lead routing"
        description="Who gets new leads, how fast they must be touched, and when quiet leads get a follow-up."
      />
      <RoutingRulesCard canEdit={canEdit} />
      {settings.isPending ? (
        <LoadingCard label="Loading settings" />
      ) : settings.error ? (
        <ErrorAlert error={settings.error} title="Could not load the settings" onRetry={() => settings.refetch()} />
      ) : (
        <SlaSettingsCard settings={settings.data} canEdit={canEdit} />
      )}
    </Stack>
  );
}
