import { ActionIcon, Button, CopyButton, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconCopy, IconLink, IconTrash } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { Empty } from '../../components/empty.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ApiError, errorMessage } from '../../lib/api/index.ts';
import type { Campaign } from './campaign-types.ts';
import { useBuildLink, useDeleteLink, useLinks } from './use-campaigns.ts';

function CopyIcon({ value, label }: { value: string; label: string }) {
  return (
    <CopyButton value={value} timeout={2000}>
      {({ copied, copy }) => (
        <Tooltip label={copied ? 'Copied' : 'Copy link'} withArrow>
          <ActionIcon
            variant={copied ? 'filled' : 'default'}
            color={copied ? 'teal' : undefined}
            onClick={copy}
            aria-label={copied ? 'Copied' : label}
          >
            {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
          </ActionIcon>
        </Tooltip>
      )}
    </CopyButton>
  );
}

/** The UTM builder: page, source, medium (content, term) → a tracked link with the campaign's slug; the links built so far. */
export function UtmCard({ campaign, canWrite }: { campaign: Campaign; canWrite: boolean }) {
  const links = useLinks(campaign.id);
  const build = useBuildLink(campaign.id);
  const remove = useDeleteLink(campaign.id);
  const [baseUrl, setBaseUrl] = useState('');
  const [source, setSource] = useState('');
  const [medium, setMedium] = useState('');
  const [content, setContent] = useState('');
  const [term, setTerm] = useState('');
  const err = (field: string) =>
    build.error instanceof ApiError && JSON.stringify((build.error.details as { path?: unknown[] })?.path ?? []).includes(`"${field}"`)
      ? build.error.message
      : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    build.mutate(
      { baseUrl, source, medium, content: content || null, term: term || null },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: 'Link built: copy it from the list' });
          setContent('');
          setTerm('');
        },
      },
    );
  };
  const general = build.error && !['baseUrl', 'source', 'medium'].some(err) ? errorMessage(build.error) : null;
  return (
    <Paper p="lg">
      <Title order={2} size="h4" mb="xs">
        Tracked links
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        Links carry <code>utm_campaign={campaign.slug}</code>: visits from them count as touchpoints of this campaign.
      </Text>
      {canWrite && (
        <form onSubmit={submit} aria-label="UTM link builder">
          <Stack gap="xs" mb="md">
            <TextInput
              label="Page address"
              placeholder="https://example.com/webinar"
              required
              value={baseUrl}
              onChange={(e) => setBaseUrl(e.currentTarget.value)}
              error={err('baseUrl')}
            />
            <SimpleGrid cols={{ base: 2, sm: 4 }}>
              <TextInput
                label="Source"
                placeholder="linkedin"
                required
                value={source}
                onChange={(e) => setSource(e.currentTarget.value)}
                error={err('source')}
              />
              <TextInput
                label="Medium"
                placeholder="paid_social"
                required
                value={medium}
                onChange={(e) => setMedium(e.currentTarget.value)}
                error={err('medium')}
              />
              <TextInput label="Content" placeholder="banner-a" value={content} onChange={(e) => setContent(e.currentTarget.value)} />
              <TextInput label="Term" placeholder="crm software" value={term} onChange={(e) => setTerm(e.currentTarget.value)} />
            </SimpleGrid>
            {general && (
              <Text c="red" size="sm" role="alert">
                {general}
              </Text>
            )}
            <Group justify="flex-end">
              <Button type="submit" size="xs" loading={build.isPending} leftSection={<IconLink size={14} />}>
                Build link
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      {links.isError ? (
        <ErrorAlert error={links.error} onRetry={() => links.refetch()} />
      ) : links.data?.length === 0 ? (
        <Empty
          icon={<IconLink size={24} />}
          title="No links built yet"
          description="Build one link per place you publish (ad, email, post) so you can tell them apart by source and content."
        />
      ) : (
        <Stack gap="xs" aria-label="Built links">
          {(links.data ?? []).map((l) => (
            <Group key={l.id} gap="xs" wrap="nowrap" align="center">
              <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all', flex: 1 }} data-testid="utm-link">
                {l.url}
              </Text>
              <CopyIcon value={l.url} label={`Copy link for ${l.source} / ${l.medium}`} />
              {canWrite && (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={`Remove link for ${l.source} / ${l.medium}`}
                  onClick={() => remove.mutate(l.id)}
                >
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
