import { ActionIcon, Button, Group, Menu, Paper, SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useForms } from '../forms/use-forms.ts';
import { blockLabels, type LeafBlock, newBlock, type PageBlock } from './page-types.ts';

/** Edits one leaf block (everything but columns). */
function LeafEditor({ block, onChange }: { block: LeafBlock; onChange: (b: LeafBlock) => void }) {
  const forms = useForms();
  switch (block.type) {
    case 'heading':
      return (
        <Stack gap="xs">
          <TextInput label="Heading" value={block.text} onChange={(e) => onChange({ ...block, text: e.currentTarget.value })} />
          <SegmentedControl
            aria-label="Heading size"
            data={[
              { value: '1', label: 'Large' },
              { value: '2', label: 'Medium' },
              { value: '3', label: 'Small' },
            ]}
            value={String(block.level)}
            onChange={(v) => onChange({ ...block, level: Number(v) as 1 | 2 | 3 })}
          />
        </Stack>
      );
    case 'richText':
      return (
        <Textarea
          label="Text"
          description="Paragraphs, bold, italic, links and lists (<p>, <strong>, <em>, <a href>, <ul>/<li>); anything else is removed"
          autosize
          minRows={3}
          value={block.html}
          onChange={(e) => onChange({ ...block, html: e.currentTarget.value })}
        />
      );
    case 'image':
      return (
        <Stack gap="xs">
          <TextInput label="Image address" value={block.url} onChange={(e) => onChange({ ...block, url: e.currentTarget.value })} />
          <TextInput
            label="Alternative text"
            description="What the image shows, for screen readers and search engines"
            value={block.alt}
            onChange={(e) => onChange({ ...block, alt: e.currentTarget.value })}
          />
        </Stack>
      );
    case 'form':
      return (
        <Select
          label="Form"
          placeholder={forms.data?.length ? 'Choose a form' : 'Create a form first (Forms)'}
          data={(forms.data ?? []).map((f) => ({ value: f.id, label: `${f.name}${f.status === 'published' ? '' : ' (draft)'}` }))}
          value={block.formId || null}
          onChange={(v) => onChange({ ...block, formId: v ?? '' })}
          searchable
        />
      );
    case 'cta':
      return (
        <Group grow>
          <TextInput label="Button text" value={block.label} onChange={(e) => onChange({ ...block, label: e.currentTarget.value })} />
          <TextInput label="Link" value={block.url} onChange={(e) => onChange({ ...block, url: e.currentTarget.value })} />
        </Group>
      );
  }
}

const leafTypes = ['heading', 'richText', 'image', 'form', 'cta'] as const;

/** Edits a block; columns hold their own small lists of blocks. */
export function BlockEditor({ block, onChange }: { block: PageBlock; onChange: (b: PageBlock) => void }) {
  if (block.type !== 'columns') return <LeafEditor block={block} onChange={onChange} />;
  const setColumn = (i: number, col: LeafBlock[]) => onChange({ ...block, columns: block.columns.map((c, j) => (j === i ? col : c)) });
  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label="Number of columns"
        data={['2', '3']}
        value={String(block.columns.length)}
        onChange={(v) =>
          onChange({
            ...block,
            columns: v === '3' ? [...block.columns.slice(0, 3), ...(block.columns.length < 3 ? [[]] : [])] : block.columns.slice(0, 2),
          })
        }
      />
      {block.columns.map((col, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
        <Paper key={i} withBorder p="sm">
          <Text size="sm" fw={600} mb="xs">
            Column {i + 1}
          </Text>
          <Stack gap="sm">
            {col.map((b, j) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: blocks are positional
              <Group key={j} align="flex-start" wrap="nowrap">
                <div style={{ flex: 1 }}>
                  <LeafEditor
                    block={b}
                    onChange={(nb) =>
                      setColumn(
                        i,
                        col.map((x, k) => (k === j ? nb : x)),
                      )
                    }
                  />
                </div>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={`Remove ${blockLabels[b.type]} from column ${i + 1}`}
                  onClick={() =>
                    setColumn(
                      i,
                      col.filter((_, k) => k !== j),
                    )
                  }
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            ))}
            <Menu>
              <Menu.Target>
                <Button size="compact-sm" variant="subtle" leftSection={<IconPlus size={14} />}>
                  Add to column {i + 1}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {leafTypes.map((t) => (
                  <Menu.Item key={t} onClick={() => setColumn(i, [...col, newBlock(t) as LeafBlock])}>
                    {blockLabels[t]}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
