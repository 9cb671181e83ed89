import { ActionIcon, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useAssets, useUnlinkAsset } from './use-campaigns.ts';

const typeLabels: Record<string, string> = { form: 'Form', landing_page: 'Landing page', broadcast: 'Broadcast' };

/** Forms, landing pages and broadcasts that belong to the campaign (linked from those screens). */
export function AssetsCard({ campaignId, canWrite }: { campaignId: string; canWrite: boolean }) {
  const assets = useAssets(campaignId);
  const unlink = useUnlinkAsset(campaignId);
  return (
    <Paper p="lg">
      <Title order={2} size="h4" mb="sm">
        Linked assets
      </Title>
      {(assets.data ?? []).length === 0 ? (
        <Text size="sm" c="dimmed">
          {assets.isPending
            ? 'Loading…'
            : 'Nothing linked yet. Forms, landing pages and email broadcasts are linked to a campaign from their own screens.'}
        </Text>
      ) : (
        <Stack gap="xs">
          {assets.data!.map((a) => (
            <Group key={`${a.assetType}:${a.assetId}`} justify="space-between" wrap="nowrap">
              <Group gap="xs" wrap="nowrap">
                <Badge variant="light" tt="none">
                  {typeLabels[a.assetType] ?? a.assetType}
                </Badge>
                <Text size="sm">{a.label ?? a.assetId}</Text>
              </Group>
              {canWrite && (
                <ActionIcon variant="subtle" color="red" aria-label={`Unlink ${a.label ?? a.assetType}`} onClick={() => unlink.mutate(a)}>
                  <IconTrash size={16} />
                </ActionIcon>
              )}
            </Group>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
