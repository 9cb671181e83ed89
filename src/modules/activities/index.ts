import { registerPermissions, roles } from '../../kernel/auth/index.ts';
import { registerErrorCodes } from '../../kernel/errors.ts';
import { registerEventTypes } from '../../kernel/events/index.ts';
import type { App, AppDeps } from '../../kernel/http/index.ts';
import { defineSchedule } from '../../kernel/jobs/index.ts';
import { activityRoutes } from './http/activity-routes.ts';
import { notificationRoutes } from './http/notification-routes.ts';
import { taskRoutes } from './http/task-routes.ts';
import { timelineRoutes } from './http/timeline-routes.ts';
import { taskRemindersJob } from './jobs/send-task-reminders.ts';

export { seedActivitiesDemo } from './demo.ts';
export * as activitiesTypes from './http/activities.types.ts';
export * as notificationsTypes from './http/notifications.types.ts';
export * as tasksTypes from './http/tasks.types.ts';
export * as timelineTypes from './http/timeline.types.ts';
export { sendTaskReminders, taskRemindersJob } from './jobs/send-task-reminders.ts';
export { getActivities } from './queries/get-activities.ts';
export { getActivity } from './queries/get-activity.ts';
export { getMyTasks } from './queries/get-my-tasks.ts';
export { getNotifications, getUnreadCount } from './queries/get-notifications.ts';
export { getTask } from './queries/get-task.ts';
export { getTasks } from './queries/get-tasks.ts';
export { getTimeline } from './queries/get-timeline.ts';
export { type TimelineScope, type TimelineSource, timelineSources } from './queries/timeline-sources.ts';
export { activities, activityLinks, activityTypes, notifications, tasks } from './schema.ts';
export {
  type Activity,
  type ActivityInput,
  activityInput,
  type EntityType,
  entityTypes,
  type RecordLink,
} from './use-cases/activity-input.ts';
export { completeTask } from './use-cases/complete-task.ts';
export { createTask } from './use-cases/create-task.ts';
export { deleteActivity } from './use-cases/delete-activity.ts';
export { deleteTask } from './use-cases/delete-task.ts';
export { logActivity, splitActivity } from './use-cases/log-activity.ts';
export { type NotificationInput, notifyUser } from './use-cases/notify-user.ts';
export { type ExistingIds, type LastActivityHooks, registerLinkableRecord } from './use-cases/record-links.ts';
export { reopenTask } from './use-cases/reopen-task.ts';
export type { CreateTaskInput, Task, UpdateTaskInput } from './use-cases/task-input.ts';
export { updateActivity } from './use-cases/update-activity.ts';
export { updateTask } from './use-cases/update-task.ts';

const everyone = roles;
registerPermissions({
  'activities:read': { kind: 'read', roles: everyone, description: 'See notes, calls, meetings, logged emails and record timelines' },
  'activities:write': {
    kind: 'write',
    roles: ['admin', 'marketing', 'sales_manager', 'sales_rep'],
    description: 'Log, change and delete activities',
  },
  'tasks:read': { kind: 'read', roles: everyone, description: 'See tasks' },
  'tasks:write': {
    kind: 'write',
    roles: ['admin', 'marketing', 'sales_manager', 'sales_rep'],
    description: 'Create, assign, complete and delete tasks',
  },
});

registerErrorCodes({
  activity_not_found: 404,
  task_not_found: 404,
  notification_not_found: 404,
  record_not_found: 404,
  assignee_not_member: 400,
});

registerEventTypes([
  { type: 'activity.logged', description: 'A note, call, meeting or email was logged on records' },
  { type: 'activity.updated', description: 'A logged activity changed' },
  { type: 'activity.deleted', description: 'A logged activity was deleted' },
  { type: 'task.created', description: 'A task was created' },
  { type: 'task.updated', description: 'A task changed' },
  { type: 'task.assigned', description: 'A task was given to another member' },
  { type: 'task.completed', description: 'A task was marked done' },
  { type: 'task.reopened', description: 'A completed task was opened again' },
  { type: 'task.deleted', description: 'A task was deleted' },
]);

defineSchedule({ name: 'tasks.reminders', cron: '* * * * *', job: taskRemindersJob, payload: {} });

/** Activities, tasks, notifications and record timelines. */
export async function activitiesRoutes(app: App, _deps: AppDeps) {
  await activityRoutes(app);
  await taskRoutes(app);
  await notificationRoutes(app);
  await timelineRoutes(app);
}
