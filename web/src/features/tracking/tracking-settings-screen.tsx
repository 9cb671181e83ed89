import { Button, Paper, Stack } from '@mantine/core';
import { IconPlus, IconWorldWww } from '@tabler/icons-react';
import { useState } from 'react';
import { Empty } from '../../components/empty.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { LoadingCard } from '../../components/table-card.tsx';
import { usePermissions } from '../auth/use-me.ts';
import { SiteCard } from './site-card.tsx';
import { SiteFormModal } from './site-form-modal.tsx';
import type { Site } from './tracking-types.ts';
import { useSites } from './use-tracking.ts';

/** Settings → Tracking: the websites that send page views, their snippets and privacy settings. */
export function TrackingSettingsScreen() {
  const sites = useSites({ live: true });
  const can = usePermissions();
  const canEdit = can('tracking:manage');
  const [editing, setEditing] = useState<Site | 'new' | null>(null);
  const add = canEdit && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
      Add website
    </Button>
  );
  return (
    <Stack gap="lg">
      <PageHeader
        title="Website tracking"
        description="Page views and custom events from your websites, tied to contacts once they fill a form or click a link in your emails."
        actions={sites.data?.length ? add : undefined}
      />
      {sites.isPending ? (
        <LoadingCard label="Loading websites" />
      ) : sites.error ? (
        <ErrorAlert error={sites.error} title="Could not load the websites" onRetry={() => sites.refetch()} />
      ) : sites.data.length === 0 ? (
        <Paper>
          <Empty
            icon={<IconWorldWww />}
            title="No website tracked yet"
            description="Add your website and paste the snippet it gives you into its pages. Page views show up here within seconds."
            action={add || undefined}
          />
        </Paper>
      ) : (
        sites.data.map((s) => <SiteCard key={s.id} site={s} canEdit={canEdit} onEdit={() => setEditing(s)} />)
      )}
      <SiteFormModal opened={editing !== null} site={editing && editing !== 'new' ? editing : undefined} onClose={() => setEditing(null)} />
    </Stack>
  );
}
