import type { Ctx } from '../../kernel/context.ts';

/**
 * Picks the owner of a contact created without one named (API, import, form). Returns the owner id,
 * null for "leave it unassigned", or undefined for "no opinion" (the creator stays owner). Runs inside
 * the create transaction, after the contact row, its emails and company links exist.
 */
export type LeadAssigner = (ctx: Ctx, contactId: string) => Promise<string | null | undefined>;

let assigner: LeadAssigner | undefined;

/** The routing module registers itself here, so contacts does not import it (it sits above contacts). */
export function registerLeadAssigner(fn: LeadAssigner | undefined) {
  assigner = fn;
}

export const leadAssigner = () => assigner;
