import type { KeyboardEvent } from 'react';

/**
 * Keyboard handling of an item in a list the user reorders (form fields, page blocks): Alt+↑ and Alt+↓ move it,
 * Enter or Space selects it.
 */
export function reorderKeys(index: number, move: (from: number, to: number) => void, select: () => void) {
  return (e: KeyboardEvent) => {
    if (e.altKey && e.key === 'ArrowUp') {
      e.preventDefault();
      move(index, index - 1);
    } else if (e.altKey && e.key === 'ArrowDown') {
      e.preventDefault();
      move(index, index + 1);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      select();
    }
  };
}
