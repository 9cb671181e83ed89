import { type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context.ts';
import { rows } from '../../kernel/db/index.ts';
import { compileFilter, type FilterPath, filterInvalid } from '../../kernel/filters/index.ts';
import { workspaceTimeZone } from '../views/index.ts';
import { segmentFields } from './queries/segment-fields.ts';

type Visit = (node: Record<string, unknown>, path: FilterPath) => void;

/** Calls visit for every object node of a definition (and the nested `where` filters of predicates). */
function walk(node: unknown, path: FilterPath, visit: Visit) {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const [i, n] of node.entries()) walk(n, [...path, i], visit);
    return;
  }
  const n = node as Record<string, unknown>;
  visit(n, path);
  for (const k of ['and', 'or', 'not', 'where'] as const) if (k in n) walk(n[k], [...path, k], visit);
}

/** True when the definition depends on the clock (in_last, not_in_last, within), so it drifts without any change. */
export function isTimeRelative(definition: unknown): boolean {
  let relative = false;
  walk(definition, [], (n) => {
    if (n.op === 'in_last' || n.op === 'not_in_last' || 'within' in n) relative = true;
  });
  return relative;
}

/** checkLists: refuse lists that do not exist (on save; evaluation treats a deleted list as empty). */
export type DefinitionCompiler = (definition: unknown, path?: FilterPath, checkLists?: boolean) => Promise<SQL>;

/**
 * A compiler for the workspace's definitions (the registry and time zone are read once): validates a definition
 * and compiles it to a condition over `contacts c`; lists it names must exist in the workspace.
 */
export async function definitionCompiler(ctx: Ctx): Promise<DefinitionCompiler> {
  const registry = await segmentFields(ctx);
  const timeZone = await workspaceTimeZone(ctx);
  return async (definition, path = ['body', 'definition'], checkLists = true) => {
    const where = compileFilter(definition, registry, { path, timeZone });
    const lists: { id: string; path: FilterPath }[] = [];
    walk(definition, path, (n, p) => {
      if (n.predicate === 'in_list' && typeof n.list === 'string') lists.push({ id: n.list, path: [...p, 'list'] });
    });
    if (checkLists && lists.length) {
      const found = await rows<{ id: string }>(
        ctx.db,
        sql`select id from contact_lists where workspace_id = ${ctx.workspaceId} and deleted_at is null
            and id = any(${`{${lists.map((l) => l.id).join(',')}}`}::uuid[])`,
      );
      const ids = new Set(found.map((r) => r.id));
      const missing = lists.find((l) => !ids.has(l.id));
      if (missing) throw filterInvalid(missing.path, `no list ${missing.id} in this workspace; pick one of your lists`);
    }
    return where;
  };
}

/** Validates and compiles one definition (see definitionCompiler). */
export async function compileDefinition(ctx: Ctx, definition: unknown, path: FilterPath = ['body', 'definition']): Promise<SQL> {
  return (await definitionCompiler(ctx))(definition, path);
}
