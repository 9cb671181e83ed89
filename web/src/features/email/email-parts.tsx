import { Badge, Box, Group, Paper, SegmentedControl, Tabs, Text } from '@mantine/core';
import { IconDeviceDesktop, IconDeviceMobile } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import type { BroadcastStatus } from './email-types.ts';

const sections = [
  { value: '/email', label: 'Broadcasts' },
  { value: '/email/templates', label: 'Templates' },
  { value: '/email/outbox', label: 'Outbox' },
  { value: '/email/suppressions', label: 'Suppression list' },
] as const;

/** The email area's sections as tabs (links, so each has its own address). */
export function EmailTabs({ current }: { current: (typeof sections)[number]['value'] }) {
  const navigate = useNavigate();
  return (
    <Tabs value={current} onChange={(v) => v && navigate({ to: v })} mb="md" aria-label="Email sections">
      <Tabs.List>
        {sections.map((s) => (
          <Tabs.Tab key={s.value} value={s.value}>
            {s.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
    </Tabs>
  );
}

export const statusColors: Record<BroadcastStatus, string> = {
  draft: 'gray',
  scheduled: 'violet',
  sending: 'blue',
  testing: 'cyan',
  paused: 'orange',
  sent: 'teal',
  cancelled: 'red',
};
export const statusLabels: Record<BroadcastStatus, string> = {
  draft: 'Draft',
  scheduled: 'Scheduled',
  sending: 'Sending',
  testing: 'A/B testing',
  paused: 'Paused',
  sent: 'Sent',
  cancelled: 'Cancelled',
};

export function StatusBadge({ status, size }: { status: BroadcastStatus; size?: 'sm' | 'lg' }) {
  return (
    <Badge variant="light" color={statusColors[status]} tt="none" size={size} data-testid="broadcast-status">
      {statusLabels[status]}
    </Badge>
  );
}

/**
 * Mail HTML in a sandboxed frame: no scripts, no same-origin access, no forms or top navigation, so whatever a
 * template or a stored message contains cannot touch the app.
 */
export function MailFrame({ html, title, height = 560, width }: { html: string; title: string; height?: number; width?: number }) {
  // Remote stylesheets (MJML's web fonts) are blocked by the app's CSP in the frame anyway; leave them out rather than log errors.
  const shown = html.replace(/<link\b[^>]*rel=["']?stylesheet["']?[^>]*>/gi, '').replace(/@import\s+url\([^)]*\)\s*;?/gi, '');
  return (
    <Box
      component="iframe"
      title={title}
      sandbox=""
      referrerPolicy="no-referrer"
      srcDoc={shown}
      style={{
        width: width ?? '100%',
        maxWidth: '100%',
        height,
        border: '1px solid var(--mantine-color-default-border)',
        borderRadius: 8,
        background: '#fff',
      }}
    />
  );
}

/** The frame with a desktop / mobile width toggle. */
export function DevicePreview({ html, title }: { html: string; title: string }) {
  const [device, setDevice] = useState<'desktop' | 'mobile'>('desktop');
  return (
    <Paper p="sm">
      <Group justify="space-between" mb="xs">
        <Text size="sm" fw={600}>
          Preview
        </Text>
        <SegmentedControl
          size="xs"
          aria-label="Preview width"
          value={device}
          onChange={(v) => setDevice(v as 'desktop' | 'mobile')}
          data={[
            {
              value: 'desktop',
              label: (
                <Group gap={4} wrap="nowrap">
                  <IconDeviceDesktop size={14} /> Desktop
                </Group>
              ),
            },
            {
              value: 'mobile',
              label: (
                <Group gap={4} wrap="nowrap">
                  <IconDeviceMobile size={14} /> Mobile
                </Group>
              ),
            },
          ]}
        />
      </Group>
      <Group justify="center">
        <MailFrame html={html} title={title} width={device === 'mobile' ? 375 : undefined} />
      </Group>
    </Paper>
  );
}

export const pct = (v: number | undefined) => (v === undefined ? '—' : `${(v * 100).toFixed(v > 0 && v < 0.1 ? 1 : 0)}%`);
