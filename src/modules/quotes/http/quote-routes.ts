import { z } from 'zod';
import type { App } from '../../../kernel/http/index.ts';
import { getDealQuotes } from '../queries/get-deal-quotes.ts';
import { getQuote } from '../queries/get-quote.ts';
import { getQuotePdf } from '../queries/get-quote-pdf.ts';
import { changeQuoteStatus, type QuoteStep } from '../use-cases/change-quote-status.ts';
import { createQuote } from '../use-cases/create-quote.ts';
import { updateQuote } from '../use-cases/update-quote.ts';
import { createQuoteBody, dealParams, idParams, quoteListSchema, quoteSchema, updateQuoteBody } from './quotes.types.ts';

const tags = ['quotes'];

/** Quotes of a deal: list, create, read, edit (versions), PDF and the customer-facing steps. */
export async function quoteRoutes(app: App) {
  app.get(
    '/api/deals/:dealId/quotes',
    { config: { permission: 'quotes:read' }, schema: { tags, params: dealParams, response: { 200: quoteListSchema } } },
    async (req) => ({ items: await getDealQuotes(req.ctx, req.params.dealId) }),
  );
  app.post(
    '/api/deals/:dealId/quotes',
    { config: { permission: 'quotes:write' }, schema: { tags, params: dealParams, body: createQuoteBody, response: { 201: quoteSchema } } },
    async (req, reply) => reply.status(201).send(await createQuote(req.ctx, req.params.dealId, req.body)),
  );
  app.get(
    '/api/quotes/:id',
    { config: { permission: 'quotes:read' }, schema: { tags, params: idParams, response: { 200: quoteSchema } } },
    async (req) => getQuote(req.ctx, req.params.id),
  );
  app.patch(
    '/api/quotes/:id',
    {
      config: { permission: 'quotes:write' },
      schema: {
        tags,
        description: 'Edits a draft in place; a sent, declined or expired quote gets a new version; an accepted one is 409 quote_locked.',
        params: idParams,
        body: updateQuoteBody,
        response: { 200: quoteSchema },
      },
    },
    async (req) => updateQuote(req.ctx, req.params.id, req.body),
  );
  for (const [path, step] of [
    ['ready', 'ready'],
    ['send', 'sent'],
    ['accept', 'accepted'],
    ['decline', 'rejected'],
  ] as [string, QuoteStep][])
    app.post(
      `/api/quotes/:id/${path}`,
      { config: { permission: 'quotes:write' }, schema: { tags, params: idParams, response: { 200: quoteSchema } } },
      async (req) => changeQuoteStatus(req.ctx, req.params.id, step),
    );
  app.get(
    '/api/quotes/:id/pdf',
    {
      config: { permission: 'quotes:read' },
      schema: { tags, params: idParams, response: { 200: z.any().describe('application/pdf, as an attachment') } },
    },
    async (req, reply) => {
      const { pdf, fileName } = await getQuotePdf(req.ctx, req.params.id, { compress: false });
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    },
  );
}
