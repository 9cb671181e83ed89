import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestWorkspace } from '../apps/test-kit.ts';
import { rows } from '../kernel/db/index.ts';
import type { TestPlatform } from '../kernel/testing/index.ts';
import { type Flow, flowFailureOf, runFlow } from './flow.ts';

let t: TestPlatform;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await createTestApp();
  ws = await createTestWorkspace(t);
});
afterAll(() => t.close());

interface State {
  log: string[];
}

/** A flow whose steps write audit rows tagged `tag`, failing at `failAt` when given. */
const flowOf = (tag: string, failAt?: string): Flow<State> => ({
  name: 'test-flow',
  steps: ['one', 'two', 'three'].map((name) => ({
    name,
    run: async (ctx, s) => {
      if (name === failAt) throw new Error(`${name} broke`);
      await ctx.db.execute(
        sql`insert into audit_log (id, workspace_id, actor_type, action, entity_type) values (gen_random_uuid(), ${ctx.workspaceId}, 'system', ${tag}, 'test')`,
      );
      s.log.push(`run ${name}`);
    },
    compensate: async (_ctx, s) => void s.log.push(`undo ${name}`),
  })),
});

const written = async (tag: string) =>
  (await rows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_log where action = ${tag}`))[0]!.n;

describe('flows', () => {
  it('runs every step in order and keeps their writes', async () => {
    const s = await runFlow(ws.admin.ctx, flowOf('flow.ok'), { log: [] });
    expect(s.log).toEqual(['run one', 'run two', 'run three']);
    expect(await written('flow.ok')).toBe(3);
  });

  it('on a failing step rolls back the earlier steps and compensates them newest first', async () => {
    const s: State = { log: [] };
    const err = await runFlow(ws.admin.ctx, flowOf('flow.broken', 'three'), s).catch((e: unknown) => e);
    expect((err as Error).message).toBe('three broke');
    expect(flowFailureOf(err)).toMatchObject({ flow: 'test-flow', step: 'three', compensationErrors: [] });
    expect(s.log).toEqual(['run one', 'run two', 'undo two', 'undo one']);
    expect(await written('flow.broken')).toBe(0);
  });

  it('keeps the original error when a compensation fails too', async () => {
    const flow = flowOf('flow.double', 'two');
    flow.steps[0]!.compensate = async () => {
      throw new Error('cannot undo');
    };
    const err = await runFlow(ws.admin.ctx, flow, { log: [] }).catch((e: unknown) => e);
    expect((err as Error).message).toBe('two broke');
    expect((flowFailureOf(err)!.compensationErrors[0] as Error).message).toBe('cannot undo');
  });
});
