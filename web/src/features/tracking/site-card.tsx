import { ActionIcon, Badge, Button, Code, CopyButton, Group, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconPencil } from '@tabler/icons-react';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { RelativeTime } from '../../components/relative-time.tsx';
import { consentLabels, type Site, snippetFor } from './tracking-types.ts';
import { useDeleteSite } from './use-tracking.ts';

/** One tracked site: its snippet with a copy button, settings, and the live "last hit" check. */
export function SiteCard({ site, canEdit, onEdit }: { site: Site; canEdit: boolean; onEdit: () => void }) {
  const remove = useDeleteSite();
  const code = snippetFor(site);
  return (
    <Paper p="lg" aria-label={`Website ${site.name}`} component="section">
      <Group justify="space-between" align="flex-start" mb="sm">
        <div>
          <Title order={2} fz="lg">
            {site.name}
          </Title>
          <Text size="sm" c="dimmed">
            {site.allowedOrigins.join(', ')}
          </Text>
        </div>
        <Group gap="xs">
          <Badge variant="light" color={site.consentMode === 'always' ? 'blue' : 'grape'}>
            {site.consentMode === 'always' ? 'Tracks at once' : 'After consent'}
          </Badge>
          {canEdit && (
            <Button variant="default" size="xs" leftSection={<IconPencil size={14} />} onClick={onEdit}>
              Edit
            </Button>
          )}
        </Group>
      </Group>
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          Paste before &lt;/head&gt; on every page
        </Text>
        <Group gap="xs" wrap="nowrap" align="stretch">
          <Code block flex={1} data-testid="snippet" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 }}>
            {code}
          </Code>
          <CopyButton value={code} timeout={2000}>
            {({ copied, copy }) => (
              <Tooltip label={copied ? 'Copied' : 'Copy the snippet'} withArrow>
                <ActionIcon
                  variant={copied ? 'filled' : 'default'}
                  color={copied ? 'teal' : undefined}
                  size={42}
                  onClick={copy}
                  aria-label="Copy the snippet"
                >
                  {copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
                </ActionIcon>
              </Tooltip>
            )}
          </CopyButton>
        </Group>
        <Text size="xs" c="dimmed">
          Custom events:{' '}
          <Code>
            tandem('track', 'signup', {'{'} plan: 'pro' {'}'})
          </Code>
          . {consentLabels[site.consentMode]}. Visitors with Do Not Track or Global Privacy Control are never tracked.
        </Text>
        <Group justify="space-between" mt="xs" aria-live="polite">
          <Text size="sm" data-testid="last-hit">
            {site.lastHitAt ? (
              <>
                Last page view <RelativeTime value={site.lastHitAt} /> from <Code>{site.lastHitUrl ?? '—'}</Code>
              </>
            ) : (
              <Text span c="orange" size="sm">
                Waiting for the first page view… open your site in a browser once the snippet is in place.
              </Text>
            )}
          </Text>
          {canEdit && (
            <ConfirmButton
              title={`Remove ${site.name}?`}
              message="Its snippet stops sending immediately. Sessions and page views already recorded stay until retention removes them."
              confirmLabel="Remove website"
              onConfirm={() => remove.mutateAsync(site.id)}
            >
              Remove
            </ConfirmButton>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
