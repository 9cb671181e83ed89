import { ActionIcon, Alert, Code, CopyButton, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy, IconEyeOff } from '@tabler/icons-react';

/** A secret shown once: the value, a copy button, and the warning that it will not be shown again. */
export function CopyOnce({ label, value, note }: { label: string; value: string; note?: string }) {
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Group gap="xs" wrap="nowrap" align="stretch">
        <Code block flex={1} data-testid="secret-value" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap', fontSize: 13 }}>
          {value}
        </Code>
        <CopyButton value={value} timeout={2000}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? 'Copied' : 'Copy'} withArrow>
              <ActionIcon
                variant={copied ? 'filled' : 'default'}
                color={copied ? 'teal' : undefined}
                size={42}
                onClick={copy}
                aria-label={copied ? 'Copied' : `Copy ${label.toLowerCase()}`}
              >
                {copied ? <IconCheck size={18} /> : <IconCopy size={18} />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
      <Alert variant="light" color="yellow" icon={<IconEyeOff size={16} />} py={8}>
        <Text size="xs">{note ?? 'Copy it now: for your security it will not be shown again.'}</Text>
      </Alert>
    </Stack>
  );
}
