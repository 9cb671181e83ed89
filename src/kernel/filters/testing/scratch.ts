import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Executor, rows } from '../../db/index.ts';
import { customFieldDefs } from '../custom-fields.ts';
import { defineRegistry, type FieldDef, type FieldRegistry } from '../field-registry.ts';
import { countCompareSchema, filterArg, relativeSpanSchema } from '../filter.types.ts';

/** Test fixture: a scratch table `filter_scratch` (alias s), notes (alias n) and registries over them. */
export const U = [
  '0190a1b2-0000-7000-8000-000000000001',
  '0190a1b2-0000-7000-8000-000000000002',
  '0190a1b2-0000-7000-8000-00000000000a',
] as const;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export const customSpecs = [
  { key: 'budget', type: 'number' },
  { key: 'price', type: 'money' },
  { key: 'tier', type: 'select', options: ['gold', 'silver', 'bronze'] },
  { key: 'launch', type: 'date' },
  { key: 'met_at', type: 'datetime' },
  { key: 'vip', type: 'boolean' },
  { key: 'labels', type: 'multi_select', options: ['a', 'b', 'c'] },
  { key: 'site', type: 'url' },
  { key: 'ref', type: 'uuid' },
] as const;

const f = (key: string, type: FieldDef['type'], column: string, options?: string[]): FieldDef => ({
  key,
  label: key,
  type,
  sql: sql.raw(column),
  options,
  nullable: key !== 'id',
});

export const noteRegistry = defineRegistry({
  entity: 'note',
  fields: [
    f('id', 'uuid', 'n.id'),
    f('kind', 'select', 'n.kind', ['call', 'email', 'meeting']),
    f('body', 'text', 'n.body'),
    f('at', 'datetime', 'n.at'),
  ],
});

export const scratchRegistry: FieldRegistry = defineRegistry({
  entity: 'scratch',
  fields: [
    f('id', 'uuid', 's.id'),
    f('name', 'text', 's.name'),
    f('email', 'email', 's.email'),
    f('bio', 'long_text', 's.bio'),
    f('score', 'number', 's.score'),
    f('amount', 'money', 's.amount'),
    f('born', 'date', 's.born'),
    f('seen_at', 'datetime', 's.seen_at'),
    f('active', 'boolean', 's.active'),
    f('stage', 'select', 's.stage', ['lead', 'qualified', 'won', 'lost']),
    f('tags', 'tags', 's.tags'),
    f('owner_id', 'uuid', 's.owner_id'),
    ...customFieldDefs(customSpecs, sql.raw('s.custom')),
  ],
  predicates: {
    has_note: {
      description: 'Has notes (of a kind, within a span, matching where), optionally counted',
      args: z.strictObject({
        kind: z.enum(['call', 'email', 'meeting']).optional(),
        where: filterArg.optional(),
        count: countCompareSchema.optional(),
        within: relativeSpanSchema.optional(),
      }),
      compile: (a, h) => {
        const conds = [sql`n.parent_id = s.id`, h.where(a.where, noteRegistry, ['where'])];
        if (a.kind) conds.push(sql`n.kind = ${a.kind}`);
        if (a.within) conds.push(sql`n.at >= ${h.since(a.within)}`);
        const cond = sql.join(conds, sql.raw(' and '));
        if (!a.count) return sql`exists (select 1 from filter_scratch_notes n where ${cond})`;
        return h.count(sql`(select count(*) from filter_scratch_notes n where ${cond})`, a.count);
      },
    },
  },
});

export interface ScratchRow {
  id: string;
  name: string | null;
  email: string | null;
  bio: string | null;
  score: number | null;
  amount: number | null;
  born: string | null;
  seen_at: string | null;
  active: boolean | null;
  stage: string | null;
  tags: string[] | null;
  owner_id: string | null;
  custom: Record<string, unknown>;
}
export interface NoteRow {
  id: string;
  parent_id: string;
  kind: string | null;
  body: string | null;
  at: string | null;
}

const pick = <T>(list: readonly T[], i: number) => list[i % list.length]!;
const id = (n: number) => `0190a1b2-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
const ABSENT = Symbol('absent');

/** Deterministic rows covering NULLs, '', unicode, LIKE wildcards in data and bad stored custom values. */
export function scratchData(now: number) {
  const today = new Date(now);
  const dayOffset = (d: number) =>
    new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - d)).toISOString().slice(0, 10);
  const names = [
    null,
    '',
    'Alice',
    'alice',
    'ALICE SMITH',
    'Bob',
    "O'Brien",
    '100% sure',
    'a_b',
    'a\\b',
    'Ärger',
    'ärger',
    'İstanbul',
    '日本語',
    '😀 smile',
    'Zoë',
    'straße',
    '  spaced  ',
    "'; drop table filter_scratch; --",
    'x%y_z',
    'ΣΊΣΥΦΟΣ',
  ];
  const emails = [null, '', 'a@example.com', 'A@Example.COM', 'bob@test.io', "o'brien@x.org", 'under_score@x.org'];
  const bios = [null, '', 'Long text with % and _', 'Multi\nline', 'unicode ünïcödé', 'back\\slash'];
  const scores = [null, 0, -1.5, 3, 42, 1000000, 0.25, 100, 250];
  const amounts = [null, 0, 1299, -500, 129900, 9007199254740991];
  const borns = [
    null,
    dayOffset(0),
    dayOffset(1),
    dayOffset(2),
    dayOffset(5),
    dayOffset(10),
    dayOffset(40),
    dayOffset(400),
    dayOffset(-3),
    '2024-02-29',
    '1999-12-31',
  ];
  const seen = [
    null,
    -0.75 * HOUR,
    -5 * HOUR,
    -36 * HOUR,
    -4.5 * DAY,
    -20 * DAY,
    -50 * DAY,
    -200 * DAY,
    -500 * DAY,
    -2000 * DAY,
    2 * DAY,
  ].map((o) => (o === null ? null : new Date(now + o).toISOString()));
  seen.push('2024-03-10T12:00:00.123Z', '2024-03-01T00:00:00.000Z');
  const stages = [null, '', 'lead', 'qualified', 'won', 'lost', 'legacy'];
  const tags = [null, [], ['vip'], ['vip', 'b2b'], ['B2B'], ['100%'], ['日本'], ['a_b', 'x']];
  const owners = [null, U[0], U[1], U[2]];
  const custom: Record<string, unknown[]> = {
    budget: [ABSENT, 100, '250', '1.2.3', 'abc', 3.5, null, true, { x: 1 }, '-0.5', '99999999999999999999999999999999999'],
    price: [ABSENT, 1299, '500', 'x', 129900],
    tier: [ABSENT, 'gold', 'silver', 'bronze', 'platinum', 5, ''],
    launch: [
      ABSENT,
      '2024-02-29',
      '2023-02-29',
      '2024-13-01',
      '0000-01-01',
      'tomorrow',
      '2024-01-05',
      20240105,
      dayOffset(3),
      '2024-04-31',
    ],
    met_at: [
      ABSENT,
      '2024-03-01T10:00:00Z',
      '2024-03-01T10:00:00+02:00',
      '2024-02-30T10:00:00Z',
      '2024-03-01 10:00',
      'garbage',
      '2024-03-01T23:59:59.999Z',
      '2024-03-02 08:30:00-0500',
    ],
    vip: [ABSENT, true, false, 'true', 1],
    labels: [ABSENT, ['a'], ['a', 'b'], [], 'a', ['a', 1, null], ['c', 'd'], { a: 1 }],
    site: [ABSENT, 'https://example.com/100%', 'HTTP://EXAMPLE.COM', 7, ''],
    ref: [ABSENT, U[0], U[0].toUpperCase(), 'not-a-uuid', 42],
  };
  const rowsOut: ScratchRow[] = [];
  for (let i = 0; i < 60; i++) {
    const c: Record<string, unknown> = {};
    Object.entries(custom).forEach(([k, list], j) => {
      const val = pick(list, (Math.imul(i + 1, 2654435761) >>> 7) + j * 5 + i);
      if (val !== ABSENT) c[k] = val;
    });
    rowsOut.push({
      id: id(i + 1),
      name: pick(names, i),
      email: pick(emails, i),
      bio: pick(bios, i),
      score: pick(scores, i),
      amount: pick(amounts, i),
      born: pick(borns, i),
      seen_at: pick(seen, i),
      active: pick([null, true, false], i),
      stage: pick(stages, i),
      tags: pick(tags, i),
      owner_id: pick(owners, i),
      custom: c,
    });
  }
  const kinds = [null, 'call', 'email', 'meeting'];
  const notes: NoteRow[] = [];
  for (let i = 0; i < 90; i++) {
    const at = pick([null, -2 * HOUR, -3 * DAY, -20 * DAY, -100 * DAY], i);
    notes.push({
      id: id(1000 + i),
      parent_id: id(((i * 7) % 40) + 1),
      kind: pick(kinds, i),
      body: pick(['', 'Called about 100%', 'left voicemail', null, 'ünïcödé', 'a_b'], i),
      at: at === null ? null : new Date(now + at).toISOString(),
    });
  }
  return { rows: rowsOut, notes };
}

/** Creates and fills the scratch tables in `db`. */
export async function createScratch(db: Executor, now: number) {
  const data = scratchData(now);
  await db.execute(sql`create table filter_scratch (id uuid primary key, name text, email text, bio text, score numeric, amount bigint, born date,
    seen_at timestamptz, active boolean, stage text, tags text[], owner_id uuid, custom jsonb not null default '{}')`);
  await db.execute(
    sql`create table filter_scratch_notes (id uuid primary key, parent_id uuid not null, kind text, body text, at timestamptz)`,
  );
  const values = data.rows.map(
    (r) => sql`(${r.id}::uuid, ${r.name}::text, ${r.email}::text, ${r.bio}::text, ${r.score === null ? null : String(r.score)}::numeric,
      ${r.amount === null ? null : String(r.amount)}::bigint, ${r.born}::date, ${r.seen_at}::timestamptz, ${r.active}::boolean, ${r.stage}::text,
      ${r.tags === null ? null : sql.param(r.tags)}::text[], ${r.owner_id}::uuid, ${JSON.stringify(r.custom)}::jsonb)`,
  );
  await db.execute(sql`insert into filter_scratch values ${sql.join(values, sql.raw(', '))}`);
  const notes = data.notes.map((n) => sql`(${n.id}::uuid, ${n.parent_id}::uuid, ${n.kind}::text, ${n.body}::text, ${n.at}::timestamptz)`);
  await db.execute(sql`insert into filter_scratch_notes values ${sql.join(notes, sql.raw(', '))}`);
  return data;
}

/** Ids of scratch rows matching a compiled condition, sorted. */
export async function matchingIds(db: Executor, where: ReturnType<typeof sql>) {
  const out = await rows<{ id: string }>(db, sql`select s.id from filter_scratch s where ${where} order by s.id`);
  return out.map((r) => r.id);
}
