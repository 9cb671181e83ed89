import fastifySwagger from '@fastify/swagger';
import Fastify from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { filterSchema, sortSchema } from './filter.types.ts';

const examples = [
  { and: [{ field: 'email', op: 'contains', value: '@acme.com' }, { not: { field: 'tags', op: 'has_any', value: ['churned'] } }] },
  { predicate: 'has_activity', type: 'call', within: { n: 30, unit: 'day' } },
  {
    predicate: 'has_event',
    type: 'page_view',
    where: { field: 'url', op: 'starts_with', value: '/pricing' },
    count: { op: 'gte', value: 3 },
  },
  {
    or: [
      { predicate: 'has_deal', where: { field: 'stage', op: 'eq', value: 'won' } },
      { predicate: 'in_segment', segmentId: '0190a1b2-0000-7000-8000-000000000001' },
    ],
  },
  { field: 'created_at', op: 'in_last', value: { n: 2, unit: 'week' } },
  { field: 'amount', op: 'between', value: [1000, 5000] },
  { field: 'phone', op: 'is_empty' },
];

describe('filterSchema', () => {
  it('accepts the documented node shapes', () => {
    for (const ex of examples) expect(filterSchema.safeParse(ex).success, JSON.stringify(ex)).toBe(true);
  });

  it('rejects mixed or unknown node shapes and over-long values with a path', () => {
    const bad = filterSchema.safeParse({ and: [{ field: 'name', op: 'eq', value: 'x'.repeat(1001) }] });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path.slice(0, 2)).toEqual(['and', 0]);
    expect(filterSchema.safeParse({ field: 'name', op: 'like', value: 'x' }).success).toBe(false);
    expect(filterSchema.safeParse({ and: [], extra: 1 }).success).toBe(false);
  });

  it('enforces the depth and node limits', () => {
    const nest = (n: number): unknown => (n === 0 ? { field: 'name', op: 'is_empty' } : { not: nest(n - 1) });
    expect(filterSchema.safeParse(nest(9)).success).toBe(true);
    expect(filterSchema.safeParse(nest(10)).error?.issues[0]?.message).toMatch(/nested 11 levels deep; the limit is 10/);
    expect(filterSchema.safeParse({ or: Array(200).fill({ field: 'a', op: 'is_empty' }) }).error?.issues[0]?.message).toMatch(/201 nodes/);
  });

  it('converts to JSON Schema and documents a route body in OpenAPI', async () => {
    expect(() => z.toJSONSchema(filterSchema, { io: 'input' })).not.toThrow();
    const app = Fastify().withTypeProvider<ZodTypeProvider>();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    await app.register(fastifySwagger, {
      openapi: { openapi: '3.1.0', info: { title: 't', version: '1' } },
      transform: jsonSchemaTransform,
      transformObject: jsonSchemaTransformObject,
    });
    app.post('/search', { schema: { body: z.object({ filter: filterSchema, sort: sortSchema.optional() }) } }, async (req) => ({
      n: JSON.stringify(req.body).length,
    }));
    await app.ready();
    const doc = app.swagger() as { components: { schemas: Record<string, { description?: string }> } };
    // the recursive node is one component, and every reference to it resolves
    expect(doc.components.schemas.FilterNode?.description).toMatch(/^A filter node/);
    for (const ref of JSON.stringify(doc).match(/#\/components\/schemas\/[A-Za-z0-9_]+/g) ?? [])
      expect(doc.components.schemas[ref.split('/').pop()!], ref).toBeDefined();
    const res = await app.inject({ method: 'POST', url: '/search', payload: { filter: examples[0], sort: [{ field: 'name' }] } });
    expect(res.statusCode).toBe(200);
    await app.close();
  });
});
