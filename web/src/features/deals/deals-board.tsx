import { DndContext, type DragEndEvent, KeyboardSensor, PointerSensor, useSensor, useSensors } from '@dnd-kit/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { ApiError, errorMessage } from '../../lib/api/index.ts';
import type { FilterNode } from '../records/crm-types.ts';
import { useMemberNames } from '../records/record-names.ts';
import { BoardColumn } from './board-column.tsx';
import { columnCoordinates } from './column-keys.ts';
import type { Board, Card } from './deal-types.ts';
import classes from './deals.module.css';
import { MoveRequirementsModal, type PendingMove } from './move-requirements-modal.tsx';
import { useMoveDeal } from './use-deals.ts';

/**
 * The kanban: drag a card (mouse, touch, or keyboard: focus it, Space, arrows, Space) onto another
 * column to move the deal; a stage that needs fields asks for them, then the totals refresh.
 */
export function DealsBoard({ board, filter, canMove }: { board: Board; filter: FilterNode | null; canMove: boolean }) {
  const owners = useMemberNames();
  const move = useMoveDeal();
  const [pending, setPending] = useState<PendingMove | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: columnCoordinates }),
  );

  const run = (p: Omit<PendingMove, 'missing'>, fields: Record<string, unknown> = {}) =>
    move.mutate(
      { id: p.dealId, stageId: p.stageId, ...fields },
      {
        onSuccess: (r) => {
          setPending(null);
          const extra = r.customers.length ? ` · ${r.customers.length} contact(s) are now customers` : '';
          notifications.show({ color: 'teal', message: `“${p.dealName}” moved to ${p.stageName}${extra}` });
        },
        onError: (err) => {
          if (err instanceof ApiError && err.code === 'stage_requirements_missing') {
            const missing = (err.details as { missing?: string[] } | undefined)?.missing ?? [];
            setPending({ ...p, missing });
            return;
          }
          notifications.show({ color: 'red', title: 'Could not move the deal', message: errorMessage(err) });
        },
      },
    );

  const onDragEnd = (e: DragEndEvent) => {
    const card = e.active.data.current?.card as Card | undefined;
    const stageId = e.over?.id as string | undefined;
    if (!card || !stageId || stageId === card.stageId) return;
    if (!canMove) {
      notifications.show({ color: 'red', message: 'You can look at deals but not move them.' });
      return;
    }
    const stage = board.columns.find((c) => c.stage.id === stageId)!.stage;
    run({ dealId: card.id, dealName: card.name, currency: card.currency, stageId, stageName: stage.name });
  };

  return (
    <>
      <DndContext
        sensors={sensors}
        onDragEnd={onDragEnd}
        accessibility={{
          screenReaderInstructions: {
            draggable: 'To move a deal, press Space, use the arrow keys to reach another stage, and press Space again. Escape cancels.',
          },
        }}
      >
        <div className={classes.board}>
          {board.columns.map((c) => (
            <BoardColumn
              key={`${c.stage.id}:${c.count}:${c.amount}`}
              column={c}
              currency={board.reportingCurrency}
              pipelineId={board.pipeline.id}
              filter={filter}
              owners={owners}
            />
          ))}
        </div>
      </DndContext>
      <MoveRequirementsModal
        pending={pending}
        busy={move.isPending}
        onCancel={() => setPending(null)}
        onSubmit={(fields) => pending && run(pending, fields)}
      />
    </>
  );
}
