import type { App } from '../../../kernel/http/index.ts';
import { getPendingApprovals } from '../queries/get-pending-approvals.ts';
import { getQuoteSettings } from '../queries/get-quote-settings.ts';
import { decideQuoteApproval } from '../use-cases/decide-approval.ts';
import { requestQuoteApproval } from '../use-cases/request-approval.ts';
import { saveQuoteSettings } from '../use-cases/save-quote-settings.ts';
import { commentBody, idParams, pendingApprovalsSchema, quoteSchema, settingsBody, settingsSchema } from './quotes.types.ts';

const tags = ['quotes'];

/** Discount approvals (request, inbox, approve, reject) and the quote settings. */
export async function approvalRoutes(app: App) {
  app.post(
    '/api/quotes/:id/request-approval',
    {
      config: { permission: 'quotes:write' },
      schema: { tags, params: idParams, body: commentBody.optional(), response: { 200: quoteSchema } },
    },
    async (req) => requestQuoteApproval(req.ctx, req.params.id, req.body?.comment),
  );
  app.post(
    '/api/quotes/:id/approve',
    {
      config: { permission: 'quotes:approve' },
      schema: { tags, params: idParams, body: commentBody.optional(), response: { 200: quoteSchema } },
    },
    async (req) => decideQuoteApproval(req.ctx, req.params.id, 'approved', req.body?.comment),
  );
  app.post(
    '/api/quotes/:id/reject',
    { config: { permission: 'quotes:approve' }, schema: { tags, params: idParams, body: commentBody, response: { 200: quoteSchema } } },
    async (req) => decideQuoteApproval(req.ctx, req.params.id, 'rejected', req.body.comment),
  );
  app.get(
    '/api/quote-approvals',
    { config: { permission: 'quotes:approve' }, schema: { tags, response: { 200: pendingApprovalsSchema } } },
    async (req) => ({ items: await getPendingApprovals(req.ctx) }),
  );
  app.get(
    '/api/quote-settings',
    { config: { permission: 'quotes:read' }, schema: { tags, response: { 200: settingsSchema } } },
    async (req) => getQuoteSettings(req.ctx),
  );
  app.patch(
    '/api/quote-settings',
    { config: { permission: 'workspace:manage' }, schema: { tags, body: settingsBody, response: { 200: settingsSchema } } },
    async (req) => saveQuoteSettings(req.ctx, req.body),
  );
}
