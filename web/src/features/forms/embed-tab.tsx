import { Alert, Anchor, Button, Code, CopyButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCheck, IconCopy, IconInfoCircle } from '@tabler/icons-react';

function CopyBlock({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={6}>
      <Group justify="space-between">
        <Text fw={600} size="sm">
          {label}
        </Text>
        <CopyButton value={value} timeout={2000}>
          {({ copied, copy }) => (
            <Button
              size="compact-sm"
              variant={copied ? 'filled' : 'light'}
              color={copied ? 'teal' : undefined}
              onClick={copy}
              leftSection={copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
            >
              {copied ? 'Copied' : `Copy ${label.toLowerCase()}`}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
        {value}
      </Code>
    </Stack>
  );
}

/** The hosted address and the embed snippet, ready to copy. */
export function EmbedTab({ slug, published }: { slug: string; published: boolean }) {
  const origin = window.location.origin;
  return (
    <Stack gap="lg" maw={760}>
      {!published && (
        <Alert color="yellow" icon={<IconInfoCircle size={16} />}>
          This form is a draft: the address and the embed show nothing until you publish it.
        </Alert>
      )}
      <Paper p="lg">
        <Title order={3} size="h4" mb="sm">
          Hosted page
        </Title>
        <Stack gap="sm">
          <CopyBlock label="Link" value={`${origin}/f/${slug}`} />
          <Text size="sm" c="dimmed">
            Works without JavaScript. Add <code>?utm_source=…</code> to the link to fill hidden UTM fields.{' '}
            {published && (
              <Anchor href={`/f/${slug}`} target="_blank" rel="noopener">
                Open it
              </Anchor>
            )}
          </Text>
        </Stack>
      </Paper>
      <Paper p="lg">
        <Title order={3} size="h4" mb="sm">
          Embed on your website
        </Title>
        <Stack gap="sm">
          <CopyBlock label="Embed code" value={`<script src="${origin}/f/${slug}/embed.js" async></script>`} />
          <Text size="sm" c="dimmed">
            Paste it where the form should appear. It renders the form, sends it in the background and shows the thank-you message in place;
            the page's UTM parameters and the visitor's tracking id come along.
          </Text>
        </Stack>
      </Paper>
    </Stack>
  );
}
