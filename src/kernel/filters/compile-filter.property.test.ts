import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { compileFilter } from './compile-filter.ts';
import { corruptionArb, nodePaths, replaceAt, validAstArb } from './testing/arbitraries.ts';
import { openScratch, type Scratch } from './testing/harness.ts';
import { scratchRegistry } from './testing/scratch.ts';

let s: Scratch;
beforeAll(async () => {
  s = await openScratch();
});
afterAll(async () => {
  await s?.close();
});

/** The error compileFilter throws, or undefined when it compiles; anything but filter_invalid fails the test. */
function rejection(ast: unknown): AppError | undefined {
  try {
    compileFilter(ast, scratchRegistry);
    return undefined;
  } catch (e) {
    if (e instanceof AppError && e.code === 'filter_invalid') return e;
    throw new Error(`compileFilter threw something other than filter_invalid for ${JSON.stringify(ast)}: ${e}`);
  }
}
const pathOf = (e: AppError) => (e.details as { path: (string | number)[] }).path;

describe('compileFilter on generated filters', () => {
  it('runs every well-formed filter on the database and returns exactly what the reference evaluator selects', async () => {
    await fc.assert(
      fc.asyncProperty(validAstArb, async (ast) => {
        const got = await s.actual(ast);
        expect(got).toEqual(await s.expected(ast));
      }),
      { numRuns: 200 },
    );
  });

  it('rejects a filter with one bad node as filter_invalid with a path into that node', () => {
    const arb = validAstArb.chain((ast) => {
      const nodes = nodePaths(ast);
      return fc.tuple(fc.constant(ast), fc.constantFrom(...nodes), corruptionArb);
    });
    fc.assert(
      fc.property(arb, ([ast, at, [bad, tail]]) => {
        const broken = replaceAt(ast, at.path, bad);
        const e = rejection(broken);
        expect(e, JSON.stringify(broken)).toBeDefined();
        // under a predicate's where the node is read against the notes registry, so only the node itself is certain
        const expected = ['filter', ...at.path, ...(at.inWhere ? [] : tail)];
        expect(pathOf(e!).slice(0, expected.length), e!.message).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('either runs arbitrary JSON correctly or rejects it as filter_invalid, never anything else', async () => {
    const json = fc.oneof(
      fc.jsonValue({ maxDepth: 5 }),
      fc.record({ field: fc.constantFrom(...scratchRegistry.fields.keys()), op: fc.string(), value: fc.jsonValue({ maxDepth: 2 }) }),
      fc.record({
        field: fc.constantFrom(...scratchRegistry.fields.keys()),
        op: fc.constantFrom('eq', 'in', 'between', 'in_last', 'has_any'),
        value: fc.jsonValue({ maxDepth: 2 }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(json, async (ast) => {
        const e = rejection(ast);
        if (e) expect(pathOf(e)[0]).toBe('filter');
        else expect(await s.actual(ast)).toEqual(await s.expected(ast));
      }),
      { numRuns: 300 },
    );
  });
});
