import { z } from 'zod';
import type { App } from '../../../kernel/http/index.ts';
import { getRoutingRules } from '../queries/get-routing-rules.ts';
import { previewRouting } from '../queries/preview-routing.ts';
import { createRoutingRule } from '../use-cases/create-routing-rule.ts';
import { deleteRoutingRule } from '../use-cases/delete-routing-rule.ts';
import { reorderRoutingRules } from '../use-cases/reorder-routing-rules.ts';
import { updateRoutingRule } from '../use-cases/update-routing-rule.ts';
import { idParams, okSchema, previewBody, previewSchema, reorderBody, ruleBody, ruleSchema, updateRuleBody } from './routing.types.ts';

const tags = ['routing'];
const list = z.object({ items: z.array(ruleSchema) });

/** The assignment rules: list, create, change, delete, reorder, and test against a contact. */
export async function ruleRoutes(app: App) {
  app.get('/api/routing/rules', { config: { permission: 'routing:read' }, schema: { tags, response: { 200: list } } }, async (req) => ({
    items: await getRoutingRules(req.ctx),
  }));

  app.post(
    '/api/routing/rules',
    { config: { permission: 'routing:manage' }, schema: { tags, body: ruleBody, response: { 201: ruleSchema } } },
    async (req, reply) => reply.status(201).send(await createRoutingRule(req.ctx, req.body)),
  );

  app.patch(
    '/api/routing/rules/:id',
    { config: { permission: 'routing:manage' }, schema: { tags, params: idParams, body: updateRuleBody, response: { 200: ruleSchema } } },
    async (req) => updateRoutingRule(req.ctx, req.params.id, req.body),
  );

  app.delete(
    '/api/routing/rules/:id',
    { config: { permission: 'routing:manage' }, schema: { tags, params: idParams, response: { 200: okSchema } } },
    async (req) => {
      await deleteRoutingRule(req.ctx, req.params.id);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/routing/rules/reorder',
    { config: { permission: 'routing:manage' }, schema: { tags, body: reorderBody, response: { 200: list } } },
    async (req) => ({ items: await reorderRoutingRules(req.ctx, req.body.ids) }),
  );

  app.post(
    '/api/routing/preview',
    {
      config: { permission: 'routing:manage' },
      schema: {
        tags,
        description: 'Who a draft rule (or the saved rules) would give a contact; changes nothing',
        body: previewBody,
        response: { 200: previewSchema },
      },
    },
    async (req) => previewRouting(req.ctx, req.body),
  );
}
