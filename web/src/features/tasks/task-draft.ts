import type { CreateTaskBody, Task } from '../records/crm-types.ts';

/** What the task form edits: due date and time apart, reminder as minutes before due. */
export interface TaskDraft {
  title: string;
  notes: string;
  dueDate: string;
  dueTime: string;
  priority: 'low' | 'normal' | 'high';
  assigneeId: string | null;
  remindBefore: string;
  entityType: 'contact' | 'company' | 'deal' | null;
  entityId: string | null;
}

export const reminderOptions = [
  { value: 'none', label: 'No reminder' },
  { value: '0', label: 'When it is due' },
  { value: '15', label: '15 minutes before' },
  { value: '60', label: '1 hour before' },
  { value: '1440', label: '1 day before' },
];

const pad = (n: number) => String(n).padStart(2, '0');
/** A local calendar date as YYYY-MM-DD. */
export const localDate = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** The default due time today: 17:00, or the end of the day once 17:00 has passed (so a new task is not late at once). */
export const defaultDueTime = (now = new Date()) => (now.getHours() >= 17 ? '23:59' : '17:00');

export function emptyTaskDraft(
  assigneeId: string | null,
  link?: { entityType: 'contact' | 'company' | 'deal'; entityId: string },
): TaskDraft {
  return {
    title: '',
    notes: '',
    dueDate: localDate(new Date()),
    dueTime: defaultDueTime(),
    priority: 'normal',
    assigneeId,
    remindBefore: 'none',
    entityType: link?.entityType ?? null,
    entityId: link?.entityId ?? null,
  };
}

export function taskDraftOf(t: Task): TaskDraft {
  const due = t.dueAt ? new Date(t.dueAt) : null;
  const before = due && t.reminderAt ? Math.round((due.getTime() - new Date(t.reminderAt).getTime()) / 60_000) : null;
  return {
    title: t.title,
    notes: t.notes,
    dueDate: due ? localDate(due) : '',
    dueTime: due ? `${pad(due.getHours())}:${pad(due.getMinutes())}` : '',
    priority: t.priority,
    assigneeId: t.assigneeId,
    remindBefore: before === null ? 'none' : reminderOptions.some((o) => o.value === String(before)) ? String(before) : 'none',
    entityType: (t.entityType as TaskDraft['entityType']) ?? null,
    entityId: t.entityId,
  };
}

/** The create/update body; without a due date there is no reminder. */
export function taskBodyOf(d: TaskDraft): CreateTaskBody {
  const due = d.dueDate ? new Date(`${d.dueDate}T${d.dueTime || defaultDueTime()}`) : null;
  const reminder = due && d.remindBefore !== 'none' ? new Date(due.getTime() - Number(d.remindBefore) * 60_000) : null;
  return {
    title: d.title.trim(),
    notes: d.notes,
    dueAt: due ? due.toISOString() : null,
    priority: d.priority,
    assigneeId: d.assigneeId,
    reminderAt: reminder ? reminder.toISOString() : null,
    entityType: d.entityType && d.entityId ? d.entityType : null,
    entityId: d.entityType && d.entityId ? d.entityId : null,
  };
}

export const taskFormKeys = ['title', 'notes', 'dueAt', 'priority', 'assigneeId', 'reminderAt', 'entityId', 'entityType'];
