import { sql } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context.ts';
import { rows } from '../../kernel/db/index.ts';
import { AppError } from '../../kernel/errors.ts';
import type { DealContactInput } from './deal-input.ts';
import type { Stage } from './queries/get-pipelines.ts';

type Path = (string | number)[];

/** Refuses a company that is not a live company of the workspace (404 company_not_found). */
export async function assertCompany(ctx: Ctx, companyId: string | null | undefined, path: Path) {
  if (!companyId) return;
  const [c] = await rows(
    ctx.db,
    sql`select 1 from companies where workspace_id = ${ctx.workspaceId} and id = ${companyId} and deleted_at is null`,
  );
  if (!c) throw new AppError('company_not_found', `No company with id ${companyId} in this workspace.`, { path, id: companyId });
}

/** Refuses repeated or unknown contacts, naming the entry. */
export async function assertContacts(ctx: Ctx, list: DealContactInput[], path: Path) {
  const ids = list.map((c) => c.contactId);
  const dup = ids.findIndex((id, i) => ids.indexOf(id) !== i);
  if (dup >= 0)
    throw new AppError('validation_failed', 'A contact is on a deal once; give it one role.', { path: [...path, dup, 'contactId'] });
  if (!ids.length) return;
  const found = new Set(
    (
      await rows<{ id: string }>(
        ctx.db,
        sql`select id from contacts where workspace_id = ${ctx.workspaceId} and deleted_at is null and id in (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )})`,
      )
    ).map((r) => r.id),
  );
  const i = ids.findIndex((id) => !found.has(id));
  if (i >= 0)
    throw new AppError('contact_not_found', `No contact with id ${ids[i]} in this workspace.`, {
      path: [...path, i, 'contactId'],
      id: ids[i],
    });
}

/** The values a stage requirement looks at, after the change. */
export interface RequirementValues {
  amount: number | null;
  closeDate: string | null;
  ownerId: string | null;
  companyId: string | null;
  contacts: number;
  source: string | null;
  campaignId: string | null;
  competitors: string[];
  nextStep: string | null;
  forecastCategory: string | null;
  lossReason: string | null;
  custom: Record<string, unknown>;
}

const filled = (v: unknown) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0);

/** The stage's required fields the deal leaves empty; a lost stage always needs a loss reason. */
export function missingFields(stage: Pick<Stage, 'requiredFields' | 'type'>, v: RequirementValues): string[] {
  const byKey: Record<string, unknown> = {
    amount: v.amount,
    close_date: v.closeDate,
    owner_id: v.ownerId,
    company_id: v.companyId,
    contacts: v.contacts || null,
    source: v.source,
    campaign_id: v.campaignId,
    competitors: v.competitors,
    next_step: v.nextStep,
    forecast_category: v.forecastCategory,
    loss_reason: v.lossReason,
  };
  const required = stage.type === 'lost' ? [...new Set([...stage.requiredFields, 'loss_reason'])] : stage.requiredFields;
  return required.filter((f) => !filled(f.startsWith('custom.') ? v.custom[f.slice(7)] : byKey[f]));
}

/** 400 stage_requirements_missing naming every missing field when the deal cannot be in the stage. */
export function assertStageRequirements(stage: Pick<Stage, 'requiredFields' | 'type' | 'name'>, v: RequirementValues, path: Path) {
  const missing = missingFields(stage, v);
  if (missing.length)
    throw new AppError(
      'stage_requirements_missing',
      `Stage "${stage.name}" needs ${missing.join(', ')}; fill ${missing.length > 1 ? 'them' : 'it'} in to move the deal there.`,
      { path, missing },
    );
}
