import { describe, expect, it } from 'vitest';
import { AppError, statusOf } from '../errors.ts';
import { compileFilter } from './compile-filter.ts';
import { scratchRegistry, U } from './testing/scratch.ts';

function errorOf(ast: unknown, opts?: Parameters<typeof compileFilter>[2]): AppError {
  try {
    compileFilter(ast, scratchRegistry, opts);
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error(`compiled: ${JSON.stringify(ast)}`);
}
const pathOf = (ast: unknown) => (errorOf(ast).details as { path: unknown[] }).path;
const leaf = { field: 'name', op: 'eq', value: 'x' };
const nest = (n: number, inner: unknown): unknown => (n === 0 ? inner : { not: nest(n - 1, inner) });

describe('filter errors', () => {
  it('are filter_invalid, status 400, with a message that names the fix', () => {
    const e = errorOf({ and: [{ field: 'nme', op: 'eq', value: 'x' }] });
    expect(e.code).toBe('filter_invalid');
    expect(statusOf(e.code)).toBe(400);
    expect(e.message).toMatch(/^At filter\.and\.0\.field: unknown field "nme" on scratch; known fields: id, name/);
    expect(e.details).toMatchObject({ path: ['filter', 'and', 0, 'field'], field: 'nme' });
  });

  const cases: [string, unknown, unknown[]][] = [
    ['a node that is not an object', { or: [leaf, 42] }, ['filter', 'or', 1]],
    ['a node with no known key', { and: [{ fields: 'name' }] }, ['filter', 'and', 0]],
    ['a node with two shapes at once', { and: [], or: [] }, ['filter']],
    ['an and that is not a list', { and: leaf }, ['filter', 'and']],
    ['an extra key on a condition', { ...leaf, vaule: 'y' }, ['filter', 'vaule']],
    ['an extra key named __proto__', JSON.parse('{"field":"name","op":"eq","value":"x","__proto__":{"a":1}}'), ['filter', '__proto__']],
    ['an unknown op', { field: 'name', op: 'like', value: 'x' }, ['filter', 'op']],
    ['an op that does not fit the field type', { field: 'score', op: 'contains', value: '1' }, ['filter', 'op']],
    ['lt on a text field', { field: 'name', op: 'lt', value: 'x' }, ['filter', 'op']],
    ['has_any on a select', { field: 'stage', op: 'has_any', value: ['lead'] }, ['filter', 'op']],
    ['a missing value', { field: 'name', op: 'eq' }, ['filter', 'value']],
    ['a value on is_empty', { field: 'name', op: 'is_empty', value: 'x' }, ['filter', 'value']],
    ['a string for a number', { field: 'score', op: 'gt', value: '5' }, ['filter', 'value']],
    ['a fraction for money', { field: 'amount', op: 'gt', value: 12.5 }, ['filter', 'value']],
    ['an impossible date', { field: 'born', op: 'eq', value: '2023-02-29' }, ['filter', 'value']],
    ['a datetime on a date field', { field: 'born', op: 'eq', value: '2024-01-01T00:00:00Z' }, ['filter', 'value']],
    ['a bad hour', { field: 'seen_at', op: 'gt', value: '2024-01-01T24:00:00Z' }, ['filter', 'value']],
    ['a select value outside the options', { field: 'stage', op: 'eq', value: 'Lead' }, ['filter', 'value']],
    ['a bad item in an in list', { field: 'stage', op: 'in', value: ['lead', 'nope'] }, ['filter', 'value', 1]],
    ['a bad uuid', { field: 'owner_id', op: 'in', value: [U[0], 'x'] }, ['filter', 'value', 1]],
    ['an empty in list', { field: 'name', op: 'in', value: [] }, ['filter', 'value']],
    ['a non-boolean', { field: 'active', op: 'eq', value: 'true' }, ['filter', 'value']],
    ['an empty string', { field: 'name', op: 'contains', value: '' }, ['filter', 'value']],
    ['a NUL character', { field: 'name', op: 'contains', value: 'a\u0000b' }, ['filter', 'value']],
    ['a lone surrogate', { field: 'name', op: 'eq', value: 'a\uD800' }, ['filter', 'value']],
    ['a between with one bound', { field: 'score', op: 'between', value: [1] }, ['filter', 'value']],
    ['a between with a bad upper bound', { field: 'born', op: 'between', value: ['2024-01-01', 'soon'] }, ['filter', 'value', 1]],
    ['an unknown time unit', { field: 'seen_at', op: 'in_last', value: { n: 2, unit: 'fortnight' } }, ['filter', 'value']],
    ['a zero span', { field: 'seen_at', op: 'in_last', value: { n: 0, unit: 'day' } }, ['filter', 'value', 'n']],
    ['a span past the range', { field: 'seen_at', op: 'in_last', value: { n: 101, unit: 'year' } }, ['filter', 'value', 'n']],
    ['hours on a date field', { field: 'born', op: 'in_last', value: { n: 2, unit: 'hour' } }, ['filter', 'value', 'unit']],
    ['a multi_select value outside the options', { field: 'custom.labels', op: 'has_all', value: ['a', 'z'] }, ['filter', 'value', 1]],
    ['an unknown predicate', { predicate: 'has_deal' }, ['filter', 'predicate']],
    ['a bad predicate argument', { predicate: 'has_note', count: { op: 'gte', value: -1 } }, ['filter', 'count', 'value']],
    ['an unknown predicate argument', { predicate: 'has_note', kind: 'call', typo: 1 }, ['filter', 'typo']],
    [
      'a bad node inside a predicate where',
      { and: [{ predicate: 'has_note', where: { or: [{ field: 'name', op: 'eq', value: 'x' }] } }] },
      ['filter', 'and', 0, 'where', 'or', 0, 'field'],
    ],
    ['a too long string in a predicate argument', { predicate: 'has_note', kind: 'x'.repeat(1001) }, ['filter', 'kind']],
  ];
  for (const [what, ast, path] of cases) {
    it(`point at the bad node for ${what}`, () => {
      expect(pathOf(ast)).toEqual(path);
    });
  }

  it("put the caller's path prefix in front", () => {
    expect(errorOf({ not: { field: 'x', op: 'eq', value: 1 } }, { path: ['body', 'segment', 'filter'] }).details).toMatchObject({
      path: ['body', 'segment', 'filter', 'not', 'field'],
    });
  });
});

describe('filter limits', () => {
  it('allow 10 levels and reject the 11th', () => {
    expect(() => compileFilter(nest(9, leaf), scratchRegistry)).not.toThrow();
    expect(pathOf(nest(10, leaf))).toEqual(['filter', ...Array(10).fill('not')]);
  });

  it('count nested predicate where nodes toward the depth', () => {
    const deep = nest(8, { predicate: 'has_note', where: { not: { field: 'body', op: 'eq', value: 'x' } } });
    expect(pathOf(deep)).toEqual(['filter', ...Array(8).fill('not'), 'where', 'not']);
  });

  it('allow 200 nodes and reject the 201st', () => {
    expect(() => compileFilter({ and: Array(199).fill(leaf) }, scratchRegistry)).not.toThrow();
    expect(pathOf({ and: Array(200).fill(leaf) })).toEqual(['filter', 'and', 199]);
  });

  it('allow 1,000-character strings and 1,000-item lists, and no more', () => {
    expect(() => compileFilter({ field: 'name', op: 'contains', value: 'é'.repeat(1000) }, scratchRegistry)).not.toThrow();
    expect(pathOf({ field: 'name', op: 'contains', value: 'é'.repeat(1001) })).toEqual(['filter', 'value']);
    expect(() => compileFilter({ field: 'name', op: 'in', value: Array(1000).fill('a') }, scratchRegistry)).not.toThrow();
    expect(pathOf({ field: 'name', op: 'in', value: Array(1001).fill('a') })).toEqual(['filter', 'value']);
    expect(pathOf({ field: 'name', op: 'in', value: ['a', 'b'.repeat(1001)] })).toEqual(['filter', 'value', 1]);
  });
});
