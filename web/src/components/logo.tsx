import { Group, Text } from '@mantine/core';

/** The Tandem mark: two linked rings, marketing and sales on one record. */
export function LogoMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="var(--mantine-color-brand-6)" />
      <circle cx="12.5" cy="16" r="5.5" fill="none" stroke="#fff" strokeWidth="2.6" />
      <circle cx="19.5" cy="16" r="5.5" fill="none" stroke="#fff" strokeWidth="2.6" opacity="0.72" />
    </svg>
  );
}

/** Mark plus word mark. */
export function Logo({ size = 28 }: { size?: number }) {
  return (
    <Group gap={10} wrap="nowrap">
      <LogoMark size={size} />
      <Text fw={700} fz={size >= 32 ? 22 : 18} lts={-0.3}>
        Tandem
      </Text>
    </Group>
  );
}
