import { EmptyState } from '@mantine/core';
import type { ReactNode } from 'react';

/** An empty list that says what to do next. */
export function Empty({
  icon,
  title,
  description,
  action,
}: {
  icon: ReactNode;
  title: string;
  description: ReactNode;
  action?: ReactNode;
}) {
  return (
    <EmptyState py={48} px="md" variant="light" icon={icon} title={title} description={description}>
      {action && <EmptyState.Actions>{action}</EmptyState.Actions>}
    </EmptyState>
  );
}
