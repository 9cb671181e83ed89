/**
 * Measures one scenario: a capture pass (every request once through the API, recording its SQL; it also warms
 * the server and the database), then the API and the captured SQL on a plain pg connection, each sequentially
 * and with N requests in flight, in a child process. Raw-only when the endpoint does not exist yet.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { captureRequest, percentile, runClient } from './crm-capture.ts';
import type { ClientResult, Statement } from './crm-client.ts';
import type { Scenario } from './crm-scenarios.ts';
import { referenceSearchSql, referenceSearchValues } from './crm-search-sql.ts';
import { repoRoot } from './report.ts';

export interface Latency {
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
  requestsPerSecond: number;
  errors: string[];
}

export interface ModeResult {
  concurrency: number;
  api?: Latency;
  raw: Latency;
}

export interface StatementStat {
  sql: string;
  perRequest: number;
  p50: number;
  p95: number;
}

export interface ScenarioResult {
  id: string;
  name: string;
  group: Scenario['group'];
  targetMs?: number;
  requests: number;
  apiPending: boolean;
  /** What the responses held (list totals, timeline lengths), from the capture pass. */
  answers: Record<string, number>;
  statements: StatementStat[];
  modes: ModeResult[];
  explainFile?: string;
}

export interface MeasureOptions {
  baseUrl: string;
  databaseUrl: string;
  workspaceId: string;
  warmup: number;
  concurrency: number;
  searchRoute: boolean;
}

const round = (v: number) => Math.round(v * 100) / 100;

function latency(r: ClientResult): Latency {
  const l = r.latenciesMs;
  return {
    p50: round(percentile(l, 50)),
    p95: round(percentile(l, 95)),
    p99: round(percentile(l, 99)),
    mean: round(l.reduce((a, b) => a + b, 0) / l.length),
    max: round(Math.max(...l)),
    requestsPerSecond: round(l.length / r.wallSeconds),
    errors: r.errors,
  };
}

const shape = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Per distinct statement (by text): how often per request and its time, from the sequential raw run. */
function statementStats(requests: Statement[][], r: ClientResult): StatementStat[] {
  const by = new Map<string, number[]>();
  for (const [i, stmts] of requests.entries()) {
    for (const [j, s] of stmts.entries()) {
      const key = shape(s.text);
      by.set(key, [...(by.get(key) ?? []), r.statementMs![i]![j]!]);
    }
  }
  return [...by.entries()]
    .map(([sql, t]) => ({
      sql,
      perRequest: round(t.length / requests.length),
      p50: round(percentile(t, 50)),
      p95: round(percentile(t, 95)),
    }))
    .sort((a, b) => b.p50 * b.perRequest - a.p50 * a.perRequest);
}

function answers(s: Scenario, bodies: unknown[][]): Record<string, number> {
  const median = (v: number[]) => (v.length ? round(percentile(v, 50)) : 0);
  if (s.group === 'list') {
    // Pages come without their total (total=false); the count scenario's answers carry it.
    const pages = bodies.map((b) => b[0] as { items?: unknown[]; total: { value: number } | null });
    const totals = pages.flatMap((p) => (p.total ? [p.total.value] : []));
    return { ...(totals.length && { medianMatches: median(totals) }), medianItems: median(pages.map((p) => p.items?.length ?? 0)) };
  }
  if (s.group === 'record') return { medianTimelineItems: median(bodies.map((b) => (b[1] as { items: unknown[] }).items.length)) };
  return { medianResults: median(bodies.map((b) => (b[0] as { items: unknown[] }).items.length)) };
}

/** EXPLAIN (ANALYZE, BUFFERS) of the costliest statement of the request at the raw p95, written to bench/results. */
async function explain(id: string, databaseUrl: string, requests: Statement[][], r: ClientResult) {
  const order = r.latenciesMs.map((ms, i) => ({ ms, i })).sort((a, b) => a.ms - b.ms);
  const at = order[Math.min(order.length - 1, Math.ceil(order.length * 0.95) - 1)]!.i;
  const times = r.statementMs![at]!;
  const worst = times.indexOf(Math.max(...times));
  const s = requests[at]![worst]!;
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const plan = await c.query(`explain (analyze, buffers) ${s.text}`, s.values);
    const file = path.join(repoRoot, `bench/results/crm-explain-${id}.txt`);
    mkdirSync(path.dirname(file), { recursive: true });
    const lines = plan.rows.map((row) => row['QUERY PLAN'] as string);
    writeFileSync(file, `${shape(s.text)}\n\nvalues: ${JSON.stringify(s.values)}\n\n${lines.join('\n')}\n`);
    return path.relative(repoRoot, file);
  } finally {
    await c.end();
  }
}

/** Runs one scenario end to end. */
export async function measureScenario(s: Scenario, o: MeasureOptions, log: (line: string) => void): Promise<ScenarioResult> {
  let apiPending = s.group === 'search' && !o.searchRoute;
  let raw: Statement[][] = [];
  const bodies: unknown[][] = [];
  if (!apiPending) {
    try {
      for (const calls of s.requests) {
        const captured = await captureRequest(o.baseUrl, calls);
        raw.push(captured.statements);
        bodies.push(captured.bodies);
      }
    } catch (err) {
      // Search is another module's work in progress: an error there leaves its row pending rather than ending the run.
      if (s.group !== 'search') throw err;
      log(`  ${s.id}: the API failed (${(err as Error).message.slice(0, 200)}); measuring the reference SQL only`);
      apiPending = true;
      bodies.length = 0;
    }
  }
  if (apiPending) raw = (s.terms ?? []).map((q) => [{ text: referenceSearchSql, values: referenceSearchValues(o.workspaceId, q) }]);
  const modes: ModeResult[] = [];
  let seqRaw: ClientResult | undefined;
  for (const concurrency of [1, o.concurrency]) {
    const common = { warmup: o.warmup, concurrency };
    const api = apiPending ? undefined : latency(await runClient({ kind: 'http', baseUrl: o.baseUrl, requests: s.requests, ...common }));
    const rawResult = await runClient({ kind: 'sql', databaseUrl: o.databaseUrl, requests: raw, ...common });
    if (concurrency === 1) seqRaw = rawResult;
    modes.push({ concurrency, api, raw: latency(rawResult) });
    const a = api ? `API p50 ${api.p50} p95 ${api.p95} ms` : 'API pending';
    log(`  ${s.id} ×${concurrency}: ${a} · raw SQL p50 ${modes.at(-1)!.raw.p50} p95 ${modes.at(-1)!.raw.p95} ms`);
  }
  const seq = modes[0]!;
  const missed = s.targetMs !== undefined && (seq.api?.p95 ?? seq.raw.p95) >= s.targetMs;
  return {
    id: s.id,
    name: s.name,
    group: s.group,
    targetMs: s.targetMs,
    requests: raw.length,
    apiPending,
    answers: bodies.length ? answers(s, bodies) : {},
    statements: statementStats(raw, seqRaw!),
    modes,
    ...(missed && { explainFile: await explain(s.id, o.databaseUrl, raw, seqRaw!) }),
  };
}
