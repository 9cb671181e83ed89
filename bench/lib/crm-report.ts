/** The console table and the docs/benchmarks.md section of bench/crm.ts. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BenchData } from './crm-data.ts';
import type { ScenarioResult } from './crm-measure.ts';
import { type Machine, machineLine, repoRoot, table } from './report.ts';

const ms = (v: number | undefined) => (v === undefined ? '—' : v < 10 ? v.toFixed(2) : v.toFixed(1));
const int = (v: number) => v.toLocaleString('en-US');

function verdict(r: ScenarioResult, m: ScenarioResult['modes'][number]) {
  const target = r.targetMs;
  if (target === undefined) return 'no target';
  const ok = (p95: number) => (p95 < target ? 'pass' : '**miss**');
  return m.api ? ok(m.api.p95) : `API pending (raw ${ok(m.raw.p95)})`;
}

/** One row per scenario and concurrency: API and raw SQL percentiles, their ratio, the target and the verdict. */
export function resultTable(results: ScenarioResult[]) {
  const head = [
    'scenario',
    'in flight',
    'API p50',
    'API p95',
    'API p99',
    'raw SQL p50',
    'raw SQL p95',
    'API ÷ raw (p50)',
    'target p95',
    'result',
  ];
  const rows = results.flatMap((r) =>
    r.modes.map((m) => [
      r.name,
      m.concurrency,
      ms(m.api?.p50),
      ms(m.api?.p95),
      ms(m.api?.p99),
      ms(m.raw.p50),
      ms(m.raw.p95),
      m.api ? `${(m.api.p50 / m.raw.p50).toFixed(2)}×` : '—',
      r.targetMs === undefined ? '—' : `< ${r.targetMs} ms`,
      verdict(r, m),
    ]),
  );
  return table(head, rows);
}

/** Per scenario: how many statements a request runs and the costliest one's share of the raw time. */
function whereTimeGoes(results: ScenarioResult[]) {
  const rows = results.map((r) => {
    const top = r.statements[0];
    const perRequest = r.statements.reduce((a, s) => a + s.perRequest, 0);
    const raw = r.modes[0]!.raw.p50;
    const sql = top ? `\`${top.sql.slice(0, 90).replace(/\|/g, '\\|')}…\`` : '—';
    return [
      r.name,
      perRequest.toFixed(1),
      sql,
      ms(top?.p50),
      top ? `${Math.min(100, Math.round(((top.p50 * top.perRequest) / raw) * 100))}%` : '—',
    ];
  });
  return table(['scenario', 'statements / request', 'costliest statement', 'its p50 ms', 'share of raw p50'], rows);
}

/** The plan excerpt of the first miss of each group (list, search, record); the rest are in bench/results. */
function plans(results: ScenarioResult[]) {
  const firstMiss = (r: ScenarioResult) => r.explainFile && results.find((x) => x.group === r.group && x.explainFile) === r;
  return results
    .filter(firstMiss)
    .map((r) => {
      const text = readFileSync(path.join(repoRoot, r.explainFile!), 'utf8').split('\n\n');
      const plan = (text[2] ?? '').split('\n').slice(0, 12).join('\n');
      return `**${r.name}** (request at the raw p95, costliest statement; full text in \`${r.explainFile}\`):\n\n\`\`\`\n${plan}\n\`\`\``;
    })
    .join('\n\n');
}

export interface SectionInput {
  machine: Machine;
  facts: { version: string; shared_buffers: string; work_mem: string; size: string; rep_contacts: number };
  data: BenchData;
  results: ScenarioResult[];
  load: [number, number];
  n: number;
  warmup: number;
  concurrency: number;
}

/** The markdown of the crm section. */
export function crmSection(s: SectionInput) {
  const c = s.data.counts;
  const counted = s.results.find((r) => r.id === 'list-count');
  const misses = plans(s.results);
  return `## CRM reads at scale (\`bench/crm.ts\`)

${int(c.contacts)} contacts (with their emails, phones, company links and a lifecycle entry each), ${int(c.companies)} companies and
${int(c.activities)} activities linked to contacts (85% spread evenly, 15% on 2,000 contacts, up to thousands each) in one
workspace, plus a small second workspace; 20 members own the records, created over 3 years. Generated in SQL from
hashes of the row number (same data every time), database ${s.facts.size} on disk. For each scenario, ${s.n} requests with
parameters drawn deterministically (list filters, search terms, record ids) after a ${s.warmup}-request warm-up, first one at
a time, then ${s.concurrency} in flight; the client runs in its own process. *Raw SQL* replays, on a plain pg connection, the
statements that same request ran inside the API (captured per request, authentication excepted), so *API ÷ raw* is what
HTTP, auth, validation and serialization add. The record page is \`GET /api/contacts/:id\` then
\`GET /api/timeline/contact/:id\`, one after the other. The sales rep sees only own records (\`repVisibility: own\`,
${int(s.facts.rep_contacts)} contacts).

- **List:** \`lifecycle_stage in […]\` and \`created_at in_last n days\` and \`tags has_any […]\`, sorted
  \`-last_activity_at,display_name\`, 50 per page (6 stage sets × 4 spans × 6 tag sets; median ${int(counted?.answers.medianMatches ?? 0)}
  matching contacts); the deep page is rows 1,001–1,050 by cursor. A page is asked for as the list screens ask for it:
  rows only (\`total=false\`), with the count as its own request sent beside the first page
  (\`GET /api/contacts/count\`: exact up to 10,000, a \`count(*)\` over \`LIMIT 10001\`, then the planner's
  estimate); the count's row has no target in the issue and is shown so the cost is not hidden.
- **Search:** exact emails, name prefixes (\`Emma Ta\`, \`Tamfa\`, \`Emma\`) and one-letter typos.${
    s.results.some((r) => r.apiPending)
      ? ' `GET /api/search` does not exist yet: the raw row runs the reference statement in `bench/lib/crm-search-sql.ts` (substring or trigram match on contact names, emails, company names and domains, best 10 of each).'
      : ''
  }

Machine: ${machineLine(s.machine)} · PostgreSQL ${s.facts.version} on the same machine (shared_buffers ${s.facts.shared_buffers},
work_mem ${s.facts.work_mem}) · 1-minute load average ${s.load[0].toFixed(1)} at the start and ${s.load[1].toFixed(1)} at the end${
    Math.max(...s.load) > 3 ? ' (other work shared the cores: read the figures as upper bounds)' : ''
  }.

${resultTable(s.results)}

Where the raw time goes (sequential run):

${whereTimeGoes(s.results)}
${misses ? `\nPlans of the misses:\n\n${misses}\n` : ''}`;
}
