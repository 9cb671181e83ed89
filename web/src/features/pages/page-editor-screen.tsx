import {
  ActionIcon,
  Alert,
  Badge,
  Button,
  Grid,
  Group,
  Menu,
  Paper,
  Stack,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowDown, IconArrowUp, IconExternalLink, IconPlus, IconTrash } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { reorderKeys } from '../../components/reorder-keys.ts';
import { LoadingCard } from '../../components/table-card.tsx';
import { usePermissions } from '../auth/use-me.ts';
import { slugify } from '../forms/form-types.ts';
import { BlockEditor } from './block-editor.tsx';
import { blockLabels, type LandingPage, newBlock, type PageBlock, type PageBody } from './page-types.ts';
import { useDeletePage, usePage, usePublishPage, useSavePage } from './use-pages.ts';

export function PageEditorScreen({ pageId }: { pageId: string }) {
  const page = usePage(pageId);
  if (page.isPending) return <LoadingCard label="Loading page" rows={6} />;
  if (page.isError) return <ErrorAlert error={page.error} onRetry={() => page.refetch()} />;
  return <PageEditor page={page.data} />;
}

const blockTypes = ['heading', 'richText', 'image', 'form', 'cta', 'columns'] as const;
const summary = (b: PageBlock) =>
  b.type === 'heading'
    ? b.text
    : b.type === 'richText'
      ? b.html.replace(/<[^>]+>/g, ' ')
      : b.type === 'image'
        ? b.alt || b.url
        : b.type === 'cta'
          ? b.label
          : b.type === 'columns'
            ? `${b.columns.length} columns`
            : 'Form';

/** The editable part of a page (a new page starts with a heading and a paragraph). */
const toDraft = (p?: LandingPage): PageBody => ({
  slug: p?.slug ?? '',
  title: p?.title ?? '',
  description: p?.description ?? '',
  ogImage: p?.ogImage ?? null,
  blocks: p?.blocks ?? [newBlock('heading'), newBlock('richText')],
});

/** Blocks on the left (add, reorder, edit), preview of the saved draft on the right, SEO settings, publish. */
export function PageEditor({ page }: { page?: LandingPage }) {
  const navigate = useNavigate();
  const can = usePermissions();
  const save = useSavePage(page?.id ?? null);
  const publish = usePublishPage(page?.id ?? '');
  const remove = useDeletePage();
  const [draft, setDraft] = useState<PageBody>(() => toDraft(page));
  const [selected, setSelected] = useState(0);
  const [previewKey, setPreviewKey] = useState(0);
  useEffect(() => setDraft(toDraft(page)), [page]);
  const editable = can('pages:manage');
  const dirty = JSON.stringify(draft) !== JSON.stringify(toDraft(page));

  const saveDraft = async () => {
    const saved = await save.mutateAsync(draft);
    setPreviewKey((k) => k + 1);
    if (!page) navigate({ to: '/pages/$pageId', params: { pageId: saved.id } });
    return saved;
  };
  const move = (from: number, to: number) => {
    if (to < 0 || to >= draft.blocks.length) return;
    const blocks = [...draft.blocks];
    const [b] = blocks.splice(from, 1);
    blocks.splice(to, 0, b!);
    setDraft({ ...draft, blocks });
    setSelected(to);
  };

  return (
    <>
      <PageHeader
        title={page ? page.title : 'New landing page'}
        description={
          page
            ? `/p/${page.slug} · ${page.viewCount.toLocaleString()} views`
            : 'Give it a title and an address, add blocks, save, then publish.'
        }
        actions={
          editable && (
            <>
              {page && (
                <ConfirmButton
                  title="Delete this page?"
                  message="Its address stops working at once."
                  confirmLabel="Delete page"
                  color="red"
                  variant="subtle"
                  onConfirm={async () => {
                    await remove.mutateAsync(page.id);
                    navigate({ to: '/pages' });
                  }}
                >
                  Delete
                </ConfirmButton>
              )}
              <Button variant="default" onClick={saveDraft} loading={save.isPending} disabled={!!page && !dirty}>
                {page ? 'Save draft' : 'Create draft'}
              </Button>
              {page && (page.status !== 'published' || page.unpublishedChanges || dirty) && (
                <Button
                  loading={publish.isPending}
                  disabled={dirty}
                  onClick={async () => {
                    await publish.mutateAsync(true);
                    notifications.show({ color: 'teal', message: `Published at /p/${page.slug}` });
                  }}
                  title={dirty ? 'Save the draft first' : undefined}
                >
                  {page.status === 'published' ? 'Publish changes' : 'Publish'}
                </Button>
              )}
              {page?.status === 'published' && (
                <Button variant="light" color="gray" onClick={() => publish.mutate(false)}>
                  Unpublish
                </Button>
              )}
            </>
          )
        }
      />
      {(save.isError || publish.isError) && <ErrorAlert error={save.error ?? publish.error} title="Could not save the page" />}
      {page && (
        <Group mb="md" gap="xs">
          <Badge color={page.status === 'published' ? 'teal' : 'gray'} variant="light">
            {page.status === 'published' ? `Published (version ${page.version})` : 'Draft'}
          </Badge>
          {page.status === 'published' && page.unpublishedChanges && (
            <Badge color="yellow" variant="light">
              Unpublished changes
            </Badge>
          )}
          {page.status === 'published' && (
            <Button
              component="a"
              href={`/p/${page.slug}`}
              target="_blank"
              size="compact-sm"
              variant="subtle"
              rightSection={<IconExternalLink size={14} />}
            >
              Open live page
            </Button>
          )}
        </Group>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Tabs defaultValue="blocks">
            <Tabs.List mb="md">
              <Tabs.Tab value="blocks">Blocks</Tabs.Tab>
              <Tabs.Tab value="seo">Title & sharing</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="blocks">
              <Stack gap="xs">
                {draft.blocks.map((b, i) => (
                  <Paper
                    // biome-ignore lint/suspicious/noArrayIndexKey: blocks are positional
                    key={i}
                    withBorder
                    p="xs"
                    tabIndex={0}
                    role="button"
                    aria-pressed={selected === i}
                    aria-label={`${blockLabels[b.type]} block; Alt+arrow keys move it`}
                    onClick={() => setSelected(i)}
                    onKeyDown={reorderKeys(i, move, () => setSelected(i))}
                    style={{ borderColor: selected === i ? 'var(--mantine-color-blue-5)' : undefined, cursor: 'pointer' }}
                  >
                    <Group gap="xs" wrap="nowrap">
                      <Badge variant="light" size="sm" w={80}>
                        {blockLabels[b.type]}
                      </Badge>
                      <Text size="sm" truncate style={{ flex: 1 }}>
                        {summary(b)}
                      </Text>
                      <Tooltip label="Move up">
                        <ActionIcon
                          variant="subtle"
                          aria-label="Move block up"
                          disabled={i === 0}
                          onClick={(e) => {
                            e.stopPropagation();
                            move(i, i - 1);
                          }}
                        >
                          <IconArrowUp size={16} />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label="Move down">
                        <ActionIcon
                          variant="subtle"
                          aria-label="Move block down"
                          disabled={i === draft.blocks.length - 1}
                          onClick={(e) => {
                            e.stopPropagation();
                            move(i, i + 1);
                          }}
                        >
                          <IconArrowDown size={16} />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label="Remove block">
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label="Remove block"
                          onClick={(e) => {
                            e.stopPropagation();
                            setDraft({ ...draft, blocks: draft.blocks.filter((_, j) => j !== i) });
                            setSelected(Math.max(0, i - 1));
                          }}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                    {selected === i && (
                      // biome-ignore lint/a11y/noStaticElementInteractions: stops clicks in the editor from re-selecting the row
                      <div style={{ marginTop: 12 }} onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.stopPropagation()}>
                        <BlockEditor
                          block={b}
                          onChange={(nb) => setDraft({ ...draft, blocks: draft.blocks.map((x, j) => (j === i ? nb : x)) })}
                        />
                      </div>
                    )}
                  </Paper>
                ))}
                <Menu position="bottom-start">
                  <Menu.Target>
                    <Button variant="light" leftSection={<IconPlus size={16} />}>
                      Add block
                    </Button>
                  </Menu.Target>
                  <Menu.Dropdown>
                    {blockTypes.map((t) => (
                      <Menu.Item
                        key={t}
                        onClick={() => {
                          setDraft({ ...draft, blocks: [...draft.blocks, newBlock(t)] });
                          setSelected(draft.blocks.length);
                        }}
                      >
                        {blockLabels[t]}
                      </Menu.Item>
                    ))}
                  </Menu.Dropdown>
                </Menu>
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="seo">
              <Paper p="md">
                <Stack gap="sm">
                  <TextInput
                    label="Page title"
                    description="The browser tab, search results and og:title"
                    required
                    value={draft.title}
                    onChange={(e) => {
                      const title = e.currentTarget.value;
                      setDraft((d) => ({ ...d, title, slug: page ? d.slug : slugify(title) }));
                    }}
                  />
                  <TextInput
                    label="Address"
                    leftSection={<Text size="xs">/p/</Text>}
                    leftSectionWidth={32}
                    value={draft.slug}
                    onChange={(e) => setDraft({ ...draft, slug: slugify(e.currentTarget.value) })}
                  />
                  <Textarea
                    label="Description"
                    description="Meta description and og:description, about 150 characters"
                    autosize
                    minRows={2}
                    maxLength={300}
                    value={draft.description ?? ''}
                    onChange={(e) => setDraft({ ...draft, description: e.currentTarget.value })}
                  />
                  <TextInput
                    label="Sharing image (og:image)"
                    description="An https:// address of a 1200×630 image"
                    value={draft.ogImage ?? ''}
                    onChange={(e) => setDraft({ ...draft, ogImage: e.currentTarget.value.trim() || null })}
                  />
                </Stack>
              </Paper>
            </Tabs.Panel>
          </Tabs>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Title order={3} size="h5" mb="xs">
            Preview{' '}
            {dirty && (
              <Text span size="xs" c="dimmed">
                (save the draft to refresh)
              </Text>
            )}
          </Title>
          {page ? (
            <Paper withBorder p={0} style={{ overflow: 'hidden' }}>
              <iframe
                key={previewKey}
                title="Page preview"
                src={`/api/pages/${page.id}/preview`}
                style={{ width: '100%', height: 640, border: 0, display: 'block' }}
              />
            </Paper>
          ) : (
            <Alert color="gray">Create the draft to see the preview.</Alert>
          )}
        </Grid.Col>
      </Grid>
    </>
  );
}
