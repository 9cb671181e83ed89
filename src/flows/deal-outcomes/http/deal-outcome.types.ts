import { z } from 'zod';
import { quotesTypes } from '../../../modules/quotes/index.ts';
import { salesTypes } from '../../../modules/sales/index.ts';

export const idParams = z.object({ id: z.uuid() });
const { dealBody, dealDetailSchema } = salesTypes;

export const convertBody = z
  .strictObject({
    ...dealBody.shape,
    name: dealBody.shape.name.optional().describe('Defaults to "<company or contact> deal"'),
    contacts: z.never().optional(),
    companyId: z.uuid().optional().describe('Link this company; otherwise the contact’s company, otherwise `company`'),
    company: z
      .strictObject({ name: z.string().max(200).optional(), domain: z.string().max(300).optional() })
      .optional()
      .describe('When the contact has no company: found by domain or created'),
    role: z
      .enum(['decision_maker', 'champion', 'influencer', 'user', 'blocker'])
      .optional()
      .describe('The contact’s role on the deal (default decision_maker)'),
  })
  .describe('The deal to open for the contact');
export const convertResponse = z.object({
  deal: dealDetailSchema,
  contactId: z.uuid(),
  companyId: z.uuid().nullable(),
  companyCreated: z.boolean(),
  lifecycleChanged: z.boolean().describe('Whether the contact moved to opportunity'),
});
export const moveResponse = z.object({
  deal: dealDetailSchema,
  moved: z.boolean(),
  customers: z.array(z.uuid()).describe('Contacts that became customers (won deals)'),
  companyMarked: z.boolean().describe('Whether the company was tagged customer (won deals)'),
});
export const moveBody = salesTypes.moveDealBody;
export const orderStatusBody = quotesTypes.orderStatusBody;
export const orderStatusResponse = z.object({
  order: quotesTypes.orderSchema,
  wonDealId: z.uuid().nullable().describe('The deal the confirmation closed as won, if any'),
  customers: z.array(z.uuid()),
  companyMarked: z.boolean(),
});
