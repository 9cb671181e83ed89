import type { KeyboardCoordinateGetter } from '@dnd-kit/core';

/**
 * Arrow keys jump a dragged card one column left or right (instead of 25 px at a time), so a
 * keyboard user reaches the next stage in one press.
 */
export const columnCoordinates: KeyboardCoordinateGetter = (event, { context, currentCoordinates }) => {
  const step = event.code === 'ArrowRight' ? 1 : event.code === 'ArrowLeft' ? -1 : 0;
  if (!step) return undefined;
  event.preventDefault();
  const rects = [...context.droppableRects.values()].sort((a, b) => a.left - b.left);
  if (!rects.length) return undefined;
  const x = currentCoordinates.x;
  const here = rects.findIndex((r) => x >= r.left && x < r.left + r.width);
  const from = here >= 0 ? here : rects.findIndex((r) => r.left > x) - (step > 0 ? 1 : 0);
  const target = rects[Math.max(0, Math.min(rects.length - 1, from + step))]!;
  return { x: target.left + Math.min(40, target.width / 2), y: Math.max(currentCoordinates.y, target.top + 10) };
};
