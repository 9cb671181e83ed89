import type { Ctx } from '../../kernel/context.ts';
import { getCompany, updateCompany } from '../../modules/companies/index.ts';
import { getContact, updateContact } from '../../modules/contacts/index.ts';
import { getDeal, type MoveDealInput, type MoveResult, moveDeal } from '../../modules/sales/index.ts';
import { type Flow, runFlow } from '../flow.ts';

export interface MoveState {
  dealId: string;
  input: MoveDealInput;
  result?: MoveResult;
  /** Contacts that became customers, and whether the company was marked. */
  customers: string[];
  companyMarked: boolean;
}

/** Companies have no lifecycle stage yet: a won deal tags its company "customer" (filterable with has_tag). */
export const customerTag = 'customer';

/**
 * The rule acts on the deal's company and contacts even when the rep who won it may not see them
 * (rep visibility), so it runs with the actor's identity but without the visibility limit.
 */
const asRule = (ctx: Ctx): Ctx => ({ ...ctx, actor: { ...ctx.actor, role: 'admin' } });

/**
 * Moves a deal to a stage; a deal that enters a won stage makes its contacts customers (lifecycle,
 * rule deal_won) and tags its company customer; a lost one keeps its reason and competitor (moveDeal
 * requires the reason). One transaction: if marking customers fails, the deal is not moved either.
 */
export const moveDealFlow: Flow<MoveState> = {
  name: 'move-deal',
  steps: [
    {
      name: 'move',
      async run(ctx, s) {
        s.result = await moveDeal(ctx, s.dealId, s.input);
      },
    },
    {
      name: 'won-makes-customers',
      async run(ctx, s) {
        const { deal, moved } = s.result!;
        if (!moved || deal.status !== 'won') return;
        const rule = asRule(ctx);
        for (const c of deal.contacts) {
          const contact = await getContact(rule, c.contactId);
          if (contact.lifecycleStage === 'customer' || contact.lifecycleStage === 'evangelist') continue;
          await updateContact(rule, c.contactId, { lifecycleStage: 'customer' }, { rule: 'deal_won' });
          s.customers.push(c.contactId);
        }
        if (!deal.companyId) return;
        const company = await getCompany(rule, deal.companyId);
        if (company.tags.some((t) => t.toLowerCase() === customerTag)) return;
        await updateCompany(rule, deal.companyId, { tags: [...company.tags, customerTag] });
        s.companyMarked = true;
      },
    },
  ],
};

/** Moves a deal (see moveDealFlow) and returns it as it is now. */
export async function moveDealWithOutcome(ctx: Ctx, dealId: string, input: MoveDealInput, flow = moveDealFlow) {
  const s = await runFlow(ctx, flow, { dealId, input, customers: [], companyMarked: false });
  return {
    deal: await getDeal(ctx, dealId).catch(() => s.result!.deal),
    moved: s.result!.moved,
    customers: s.customers,
    companyMarked: s.companyMarked,
  };
}
