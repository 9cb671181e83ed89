import { index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { baseColumns, ts } from '../../kernel/db/columns.ts';

/** Sales teams: a manager sees the team's records when rep visibility is `team`. */
export const teams = pgTable(
  'teams',
  {
    ...baseColumns(),
    name: text('name').notNull(),
    managerId: uuid('manager_id'),
  },
  (t) => [index('teams_ws_idx').on(t.workspaceId, t.name)],
);

export const teamMembers = pgTable(
  'team_members',
  {
    workspaceId: uuid('workspace_id').notNull(),
    teamId: uuid('team_id').notNull(),
    userId: uuid('user_id').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.teamId, t.userId] }), index('team_members_user_idx').on(t.workspaceId, t.userId)],
);
