import type { z } from 'zod';
import type { identityTypes } from '../../../../src/modules/identity/index.ts';

/** What a server type looks like after JSON: dates arrive as ISO strings. */
export type Wire<T> = T extends Date ? string : T extends (infer U)[] ? Wire<U>[] : T extends object ? { [K in keyof T]: Wire<T[K]> } : T;

type Out<S extends z.ZodType> = Wire<z.output<S>>;
type In<S extends z.ZodType> = z.input<S>;
type T = typeof identityTypes;

// Identity: the same zod schemas the server validates with (type-only import, nothing is bundled).
export type Me = Out<T['meSchema']>;
export type Role = Out<T['roleSchema']>;
export type Workspace = Out<T['workspaceSchema']>;
export type Member = Out<T['memberSchema']>;
export type Invite = Out<T['inviteSchema']>;
export type ApiKey = Out<T['apiKeySchema']>;
export type LoginBody = In<T['loginBody']>;
export type SetupBody = In<T['setupBody']>;
export type UpdateMeBody = In<T['updateMeBody']>;
export type UpdateWorkspaceBody = In<T['updateWorkspaceBody']>;
export type CreateInviteBody = In<T['createInviteBody']>;
export type AcceptInviteBody = In<T['acceptInviteBody']>;
export type CreateApiKeyBody = In<T['createApiKeyBody']>;

/** A keyset page, as every list endpoint returns it. */
export interface Page<Item> {
  items: Item[];
  nextCursor: string | null;
}

export const roles = ['admin', 'marketing', 'sales_manager', 'sales_rep', 'viewer'] as const satisfies readonly Role[];

export const roleLabels: Record<Role, string> = {
  admin: 'Admin',
  marketing: 'Marketing',
  sales_manager: 'Sales manager',
  sales_rep: 'Sales rep',
  viewer: 'Viewer',
};

// Webhooks, audit log and jobs (kernel): also typed from the server's own schemas.
type WebhookTypes = typeof import('../../../../src/kernel/events/http/webhooks.types.ts');
type AuditTypes = typeof import('../../../../src/kernel/audit/http/audit.types.ts');
type JobTypes = typeof import('../../../../src/kernel/jobs/http/jobs.types.ts');

export type Webhook = Out<WebhookTypes['webhookSchema']>;
export type CreatedWebhook = Out<WebhookTypes['createdWebhookSchema']>;
export type CreateWebhookBody = In<WebhookTypes['createWebhookBody']>;
export type UpdateWebhookBody = In<WebhookTypes['updateWebhookBody']>;
export type WebhookDelivery = Out<WebhookTypes['deliverySchema']>;
export type DeliveryStatus = Out<WebhookTypes['deliveryStatus']>;
export type EventTypeInfo = Out<WebhookTypes['eventTypeSchema']>;
export type AuditEntry = Out<AuditTypes['auditEntrySchema']>;
export type AuditLogQuery = Partial<Omit<In<AuditTypes['auditLogQuery']>, 'limit'>>;
export type Job = Out<JobTypes['jobSchema']>;
export type JobSummary = Out<JobTypes['jobSummarySchema']>;
export type JobStatus = Out<JobTypes['jobStatusSchema']>;
export const jobStatuses = ['queued', 'running', 'succeeded', 'failed', 'dead', 'cancelled'] as const satisfies readonly JobStatus[];
