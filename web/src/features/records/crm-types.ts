import type { z } from 'zod';
import type { FilterNode } from '../../../../src/kernel/filters/filter.types.ts';
import type { activitiesTypes, notificationsTypes, tasksTypes, timelineTypes } from '../../../../src/modules/activities/index.ts';
import type { companyTypes } from '../../../../src/modules/companies/index.ts';
import type { contactTypes } from '../../../../src/modules/contacts/index.ts';
import type { customFieldTypesHttp } from '../../../../src/modules/custom-fields/index.ts';
import type { Wire } from '../../lib/api/index.ts';

// The CRM's wire types, from the same zod schemas the server validates with (type-only: nothing is bundled).
type Out<S extends z.ZodType> = Wire<z.output<S>>;
type In<S extends z.ZodType> = z.input<S>;
type C = typeof contactTypes;
type Co = typeof companyTypes;
type CF = typeof customFieldTypesHttp;

export type { FilterNode };
export type Contact = Out<C['contactSchema']>;
export type ContactDetail = Out<C['contactDetailSchema']>;
export type ContactBody = In<C['contactBody']>;
export type ConsentBody = In<C['consentBody']>;
export type Consent = Out<C['consentSchema']>;
export type Company = Out<Co['companySchema']>;
export type CompanyDetail = Out<Co['companyDetailSchema']>;
export type CompanyBody = In<Co['companyBody']>;
export type UpdateCompanyBody = In<Co['updateCompanyBody']>;
export type CompanyContact = Out<Co['companyContactSchema']>;
export type CustomField = Out<CF['customFieldSchema']>;
export type CreateCustomFieldBody = In<CF['createCustomFieldBody']>;
export type UpdateCustomFieldBody = In<CF['updateCustomFieldBody']>;
export type CustomFieldType = CustomField['type'];
export type Activity = Out<(typeof activitiesTypes)['activitySchema']>;
export type CreateActivityBody = In<(typeof activitiesTypes)['createActivityBody']>;
export type Task = Out<(typeof tasksTypes)['taskSchema']>;
export type CreateTaskBody = In<(typeof tasksTypes)['createTaskBody']>;
export type UpdateTaskBody = In<(typeof tasksTypes)['updateTaskBody']>;
export type MyTasks = Out<(typeof tasksTypes)['myTasksSchema']>;
export type AppNotification = Out<(typeof notificationsTypes)['notificationSchema']>;
export type TimelineItem = Out<(typeof timelineTypes)['timelineItemSchema']>;
export type TimelinePage = Out<(typeof timelineTypes)['timelineSchema']>;

/** The records lists, record pages and custom fields know about. */
export type RecordEntity = 'contact' | 'company';
/** Records with a timeline, an activity composer and tasks (deals too). */
export type TimelineEntity = RecordEntity | 'deal';

/** One row of a list: only the asked-for columns are present (id always). */
export type RecordRow = { id: string; custom?: Record<string, unknown> } & Record<string, unknown>;

/** How many rows match: exact up to 10,000, the planner's estimate above. */
export interface Total {
  value: number;
  exact: boolean;
}

/** A page of a filtered list. */
export interface ListPage {
  items: RecordRow[];
  nextCursor: string | null;
  /** null: asked for without the count (the list screens fetch it beside the first page). */
  total: Total | null;
}

export interface SortKey {
  field: string;
  dir: 'asc' | 'desc';
}

// Saved views and bulk actions (src/modules/views).
type V = typeof import('../../../../src/modules/views/http/views.types.ts');
type B = typeof import('../../../../src/modules/views/http/bulk.types.ts');
export type SavedView = Out<V['viewSchema']>;
export type ViewBody = In<V['viewBody']>;
export type UpdateViewBody = In<V['updateViewBody']>;
export type ViewDefinition = In<V['viewDefinitionSchema']>;
export type BulkOperation = Out<B['bulkOperationSchema']>;
export type ContactBulkBody = In<B['contactBulkBody']>;
