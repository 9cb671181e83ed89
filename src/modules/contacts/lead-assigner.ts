import type { Ctx } from '../../kernel/context.ts';

/**
 * Picks the owner of a contact created without one named (API, import, form). Returns the owner id,
 * null for "leave it unassigned", or undefined for "no opinion" (the creator stays owner). Runs inside
 * the create transaction, after the contact row, its emails and company links exist.
 */
export type LeadAssigner = (ctx: Ctx, contactId: string) => Promise<string | null | undefined>;

let assigner: LeadAssigner | undefined;
let isOn: ((ctx: Ctx) => Promise<boolean>) | undefined;

/**
 * The routing module registers itself here, so contacts does not import it (it sits above contacts).
 * `enabled` tells bulk writers (imports) once per batch whether the assigner would act at all.
 */
export function registerLeadAssigner(fn: LeadAssigner | undefined, enabled?: (ctx: Ctx) => Promise<boolean>) {
  assigner = fn;
  isOn = enabled;
}

export const leadAssigner = () => assigner;

/** Whether a registered assigner routes new contacts in this workspace now. */
export async function leadRoutingOn(ctx: Ctx): Promise<boolean> {
  if (!assigner) return false;
  return isOn ? isOn(ctx) : true;
}
