import { Paper, Skeleton, Stack, Table } from '@mantine/core';
import type { ReactNode } from 'react';

/** A bordered card that holds a table edge to edge and scrolls sideways on narrow screens. */
export function TableCard({
  children,
  minWidth = 640,
  footer,
  label,
  dense = false,
}: {
  children: ReactNode;
  minWidth?: number;
  footer?: ReactNode;
  label: string;
  /** Narrower cell padding, for wide tables of figures. */
  dense?: boolean;
}) {
  return (
    <Paper p={0} style={{ overflow: 'hidden' }}>
      <Table.ScrollContainer minWidth={minWidth} type="native">
        <Table aria-label={label} horizontalSpacing={dense ? 'xs' : undefined}>
          {children}
        </Table>
      </Table.ScrollContainer>
      {footer}
    </Paper>
  );
}

/** Placeholder rows while a list loads. */
export function LoadingCard({ rows = 4, label = 'Loading' }: { rows?: number; label?: string }) {
  return (
    <Paper p="lg" aria-busy="true" aria-label={label}>
      <Stack gap="md">
        <Skeleton height={14} width="35%" />
        {Array.from({ length: rows }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
          <Skeleton key={i} height={28} />
        ))}
      </Stack>
    </Paper>
  );
}
