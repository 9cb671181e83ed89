import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { baseColumns, ts } from '../../kernel/db/columns.ts';

export const customFieldTypes = [
  'text',
  'long_text',
  'number',
  'money',
  'date',
  'datetime',
  'boolean',
  'select',
  'multi_select',
  'url',
  'email',
  'phone',
] as const;
export type CustomFieldType = (typeof customFieldTypes)[number];

/** Describes one key of the `custom` jsonb column of contacts, companies or deals. */
export const customFieldDefinitions = pgTable(
  'custom_field_definitions',
  {
    ...baseColumns(),
    entityType: text('entity_type').notNull(),
    key: text('key').notNull(),
    label: text('label').notNull(),
    type: text('type').$type<CustomFieldType>().notNull(),
    /** Choices of select / multi_select: [{ value, label }]; currency of money. */
    options: jsonb('options').$type<{ choices?: { value: string; label: string }[]; currency?: string }>().notNull().default({}),
    description: text('description').notNull().default(''),
    required: boolean('required').notNull().default(false),
    unique: boolean('unique').notNull().default(false),
    /** Indexed fields get an expression index on (workspace_id, custom->>key). */
    indexed: boolean('indexed').notNull().default(false),
    position: integer('position').notNull().default(0),
    archivedAt: ts('archived_at'),
  },
  (t) => [
    uniqueIndex('custom_field_defs_key').on(t.workspaceId, t.entityType, t.key),
    index('custom_field_defs_ws_idx').on(t.workspaceId, t.entityType, t.position).where(sql`archived_at is null`),
  ],
);
