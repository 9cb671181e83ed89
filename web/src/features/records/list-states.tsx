import { Button, Paper, Skeleton, Stack } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Empty } from '../../components/empty.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';

/** Placeholder rows shaped like the grid while the first page loads. */
export function GridSkeleton({ label }: { label: string }) {
  return (
    <Paper p="md" aria-busy="true" aria-label={label}>
      <Stack gap={14}>
        <Skeleton height={12} width="40%" />
        {Array.from({ length: 9 }, (_, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
          <Skeleton key={i} height={22} />
        ))}
      </Stack>
    </Paper>
  );
}

/** Nothing to show: either the list is empty (say how to add the first one) or the filters match nothing. */
export function ListEmpty({
  filtered,
  icon,
  plural,
  onClear,
  createAction,
}: {
  filtered: boolean;
  icon: ReactNode;
  plural: string;
  onClear: () => void;
  createAction?: ReactNode;
}) {
  return (
    <Paper>
      {filtered ? (
        <Empty
          icon={<IconFilterOff size={26} />}
          title={`No ${plural} match these filters`}
          description="Loosen a condition or clear the filters to see everything again."
          action={
            <Button variant="light" onClick={onClear}>
              Clear filters
            </Button>
          }
        />
      ) : (
        <Empty
          icon={icon}
          title={`No ${plural} yet`}
          description={`Add the first one here, import a CSV, or create ${plural} through the API.`}
          action={createAction}
        />
      )}
    </Paper>
  );
}

/** A list that failed: a bad filter says what to fix (and offers to clear it); anything else can be retried. */
export function ListError({
  error,
  filterProblem,
  onClear,
  onRetry,
}: {
  error: unknown;
  filterProblem: boolean;
  onClear: () => void;
  onRetry: () => void;
}) {
  return (
    <Stack>
      <ErrorAlert
        error={error}
        title={filterProblem ? 'This filter does not work' : 'Could not load the list'}
        onRetry={filterProblem ? undefined : onRetry}
      />
      {filterProblem && (
        <div>
          <Button variant="default" onClick={onClear}>
            Clear filters
          </Button>
        </div>
      )}
    </Stack>
  );
}
