import type { Ctx } from '../../kernel/context.ts';
import { type Company, createCompany, findOrCreateCompanyByDomain, getCompany } from '../../modules/companies/index.ts';
import { type ContactDetail, getContact, lifecycleStages, updateContact } from '../../modules/contacts/index.ts';
import { createDeal, type DealContactRole, type DealDetail, type DealInput } from '../../modules/sales/index.ts';
import { type Flow, runFlow } from '../flow.ts';

export interface ConvertInput extends Partial<Omit<DealInput, 'contacts' | 'companyId'>> {
  /** Link the deal to this company (else the contact's, else `company`). */
  companyId?: string;
  /** Find (by domain) or create the company when the contact has none. */
  company?: { name?: string; domain?: string };
  /** The contact's role on the deal (default decision_maker). */
  role?: DealContactRole;
}

export interface ConvertState {
  contactId: string;
  input: ConvertInput;
  contact?: ContactDetail;
  company?: Company | null;
  companyCreated?: boolean;
  deal?: DealDetail;
  lifecycleChanged?: boolean;
}

const opportunity = lifecycleStages.indexOf('opportunity');

/** The lifecycle moves to opportunity only forward: a customer with a new deal stays a customer. */
export const movesToOpportunity = (stage: string | null) =>
  stage === null || (lifecycleStages.indexOf(stage as never) < opportunity && stage !== 'other');

/**
 * Lead conversion, one step for the rep: the contact's company (linked, found by domain, or created),
 * a deal with the contact on it, and lifecycle → opportunity. Each step writes in the flow's
 * transaction, so a failure anywhere leaves none of it behind.
 */
export const convertContactFlow: Flow<ConvertState> = {
  name: 'convert-contact',
  steps: [
    {
      name: 'load-contact',
      async run(ctx, s) {
        s.contact = await getContact(ctx, s.contactId);
      },
    },
    {
      name: 'resolve-company',
      async run(ctx, s) {
        if (s.input.companyId) {
          s.company = await getCompany(ctx, s.input.companyId);
          return;
        }
        // The contact's own company is linked even when the rep cannot see it (rep visibility is per owner).
        if (s.contact!.companyId) {
          s.company = await getCompany({ ...ctx, actor: { ...ctx.actor, role: 'admin' } }, s.contact!.companyId);
          return;
        }
        const { name, domain } = s.input.company ?? {};
        if (domain) {
          const found = await findOrCreateCompanyByDomain(ctx, domain, name?.trim() || undefined);
          s.company = found.company;
          s.companyCreated = found.created;
        } else if (name?.trim()) {
          s.company = await createCompany(ctx, { name: name.trim() });
          s.companyCreated = true;
        } else s.company = null;
        if (s.company) await updateContact(ctx, s.contactId, { companyId: s.company.id }, { rule: 'lead_converted' });
      },
    },
    {
      name: 'create-deal',
      async run(ctx, s) {
        const { companyId: _c, company: _co, role, ...deal } = s.input;
        s.deal = await createDeal(ctx, {
          ...deal,
          name: deal.name?.trim() || `${s.company?.name ?? s.contact!.displayName} deal`,
          companyId: s.company?.id ?? null,
          contacts: [{ contactId: s.contactId, role: role ?? 'decision_maker' }],
        });
      },
    },
    {
      name: 'lifecycle-to-opportunity',
      async run(ctx, s) {
        if (!movesToOpportunity(s.contact!.lifecycleStage)) return;
        await updateContact(ctx, s.contactId, { lifecycleStage: 'opportunity' }, { rule: 'lead_converted' });
        s.lifecycleChanged = true;
      },
    },
  ],
};

/** Converts a contact into a deal (see convertContactFlow). */
export async function convertContact(ctx: Ctx, contactId: string, input: ConvertInput, flow = convertContactFlow) {
  const s = await runFlow(ctx, flow, { contactId, input });
  return {
    deal: s.deal!,
    contactId,
    companyId: s.company?.id ?? null,
    companyCreated: s.companyCreated ?? false,
    lifecycleChanged: s.lifecycleChanged ?? false,
  };
}
