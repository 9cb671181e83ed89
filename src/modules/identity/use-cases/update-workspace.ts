import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { evictPrincipals, workspaces } from '../../../kernel/auth/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import type { Database } from '../../../kernel/db/index.ts';
import { emitEvent } from '../../../kernel/events/index.ts';

export const timezoneSchema = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone such as Europe/Berlin');
export const currencySchema = z.string().regex(/^[A-Z]{3}$/, 'must be a 3-letter ISO 4217 code such as EUR');

export const workspaceSettingsSchema = z.strictObject({
  repVisibility: z.enum(['own', 'team', 'all']).optional().describe('Which records sales reps see'),
  weekStartsOn: z.enum(['monday', 'sunday']).optional(),
  defaultCountry: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be a 2-letter country code such as DE')
    .optional()
    .describe('Country used to read phone numbers written without +'),
});

export interface UpdateWorkspaceInput {
  name?: string;
  timezone?: string;
  currency?: string;
  settings?: z.infer<typeof workspaceSettingsSchema>;
}

export async function updateWorkspace(database: Database, ctx: Ctx, input: UpdateWorkspaceInput) {
  const updated = await ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(workspaces).where(eq(workspaces.id, ctx.workspaceId)).for('update');
    const [after] = await tx
      .update(workspaces)
      .set({
        ...(input.name !== undefined && { name: input.name.trim() }),
        ...(input.timezone !== undefined && { timezone: input.timezone }),
        ...(input.currency !== undefined && { currency: input.currency }),
        ...(input.settings !== undefined && { settings: { ...before!.settings, ...input.settings } }),
        updatedAt: new Date(),
      })
      .where(eq(workspaces.id, ctx.workspaceId))
      .returning();
    await emitEvent(
      { ...ctx, db: tx },
      {
        type: 'workspace.updated',
        entityType: 'workspace',
        entityId: ctx.workspaceId,
        data: { name: after!.name, timezone: after!.timezone, currency: after!.currency },
      },
    );
    await recordAudit(
      { ...ctx, db: tx },
      { action: 'workspace.updated', entityType: 'workspace', entityId: ctx.workspaceId, before, after },
    );
    return after!;
  });
  // Principals carry the name and time zone (/api/me), cached for a few seconds.
  if (input.name !== undefined || input.timezone !== undefined) await evictPrincipals(database);
  return updated;
}
