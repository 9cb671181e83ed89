import { EmptyState, Paper } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { ButtonLink } from '../../components/links.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { usePermissions } from '../auth/use-me.ts';

/** Renders the page only for users holding `permission`; others learn why and whom to ask. */
export function RequirePermission({ permission, title, children }: { permission: string; title: string; children: ReactNode }) {
  const can = usePermissions();
  if (can(permission)) return children;
  return (
    <>
      <PageHeader title={title} />
      <Paper>
        <EmptyState
          py={48}
          variant="light"
          color="gray"
          icon={<IconLock size={26} />}
          title="You don’t have access to this page"
          description="Your role does not include it. Ask a workspace admin if you need it."
        >
          <EmptyState.Actions>
            <ButtonLink to="/" variant="default">
              Back to Home
            </ButtonLink>
          </EmptyState.Actions>
        </EmptyState>
      </Paper>
    </>
  );
}
