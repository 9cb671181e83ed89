import { z } from 'zod';
import { roles } from '../../../kernel/auth/index.ts';
import { currencySchema, timezoneSchema, workspaceSettingsSchema } from '../use-cases/update-workspace.ts';

export const roleSchema = z.enum(roles).describe('admin, marketing, sales_manager, sales_rep or viewer');
const password = z.string().min(1).max(256);

export const loginBody = z.strictObject({ email: z.string().min(1).max(254), password, workspaceId: z.uuid().optional() });
export const setupBody = z.strictObject({
  token: z.string().min(1).max(200).describe('The setup token printed in the server console at first start'),
  workspaceName: z.string().trim().min(1).max(120),
  name: z.string().trim().min(1).max(120),
  email: z.string().min(3).max(254),
  password,
  timezone: timezoneSchema.optional(),
  currency: currencySchema.optional(),
});
export const workspaceSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  timezone: z.string(),
  currency: z.string(),
  settings: z.record(z.string(), z.unknown()),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export const meSchema = z.object({
  user: z.object({ id: z.uuid(), email: z.string(), name: z.string() }).nullable(),
  actor: z.object({ type: z.enum(['user', 'api_key', 'system']), id: z.string(), label: z.string() }),
  role: roleSchema,
  workspace: z.object({ id: z.uuid(), name: z.string(), timezone: z.string().describe("IANA time zone where the workspace's days begin") }),
  workspaces: z.array(z.object({ id: z.uuid(), name: z.string(), role: z.string() })),
  permissions: z.array(z.string()),
  csrfToken: z.string().nullable().describe('Send as X-CSRF-Token on cookie-authenticated mutations'),
});
export const updateMeBody = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  currentPassword: password.optional(),
  newPassword: password.optional(),
});
export const updateWorkspaceBody = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  timezone: timezoneSchema.optional(),
  currency: currencySchema.optional(),
  settings: workspaceSettingsSchema.optional(),
});
export const memberSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.string(),
  joinedAt: z.date(),
  lastLoginAt: z.date().nullable(),
});
export const inviteSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  role: z.string(),
  createdAt: z.date(),
  expiresAt: z.date(),
  invitedBy: z.string().nullable(),
});
export const createInviteBody = z.strictObject({ email: z.string().min(3).max(254), role: roleSchema });
export const acceptInviteBody = z.strictObject({ name: z.string().trim().min(1).max(120).optional(), password });
export const apiKeySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  scope: z.string(),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  revokedAt: z.date().nullable(),
  createdBy: z.string().nullable(),
});
export const createApiKeyBody = z.strictObject({
  name: z.string().trim().min(1).max(100),
  scope: z.enum(['read', 'write']).default('write'),
});
export const idParams = z.object({ id: z.uuid('must be a UUID') });
export const tokenParams = z.object({ token: z.string().min(10).max(200) });
export const okSchema = z.object({ ok: z.literal(true) });
