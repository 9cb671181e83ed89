/**
 * Landing pages and form submissions, Tandem against a bare baseline in one run:
 *   npx tsx bench/capture.ts
 * Pages: `GET /p/:slug` (lookup of the published version, cached HTML, a page_view event and view count per
 * request; the user agent is a browser, so every request is tracked) against bare Fastify returning the same
 * HTML string from memory — the cost of being dynamic and tracked. Submissions: `submitForm` (spam checks, rate
 * limit, validation, contact create through the contacts module with routing, consent proof, event, audit,
 * outbox) for distinct new emails, sequentially, against the bare minimum a form handler must write (one
 * transaction inserting the contact, its email and the submission row) on the same database.
 * Env: BENCH_SECONDS (5 per page round), BENCH_ROUNDS (3), BENCH_CONNECTIONS (20), BENCH_SUBMISSIONS (300).
 * The database is PGlite in a temporary folder (the default install); the load generator runs in a child process.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import Fastify from 'fastify';
import { startServer } from '../src/apps/server.ts';
import { loadConfig, rawEnv } from '../src/kernel/config/index.ts';
import type { Ctx } from '../src/kernel/context.ts';
import { newId } from '../src/kernel/db/index.ts';
import { createForm, createPage, publishPage, renderToken, submitForm } from '../src/modules/capture/index.ts';
import { createUser, createWorkspace } from '../src/modules/identity/index.ts';
import { getPublishedFormForBench } from './lib/capture-bench-data.ts';
import type { LoadResult, LoadSpec } from './lib/load-child.ts';
import { describeMachine, machineLine, repoRoot, table, updateBenchDoc, writeResults } from './lib/report.ts';

const seconds = Number(rawEnv('BENCH_SECONDS') ?? 5);
const rounds = Number(rawEnv('BENCH_ROUNDS') ?? 3);
const connections = Number(rawEnv('BENCH_CONNECTIONS') ?? 20);
const submissions = Number(rawEnv('BENCH_SUBMISSIONS') ?? 300);
const ua = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36';

function load(url: string): Promise<LoadResult> {
  const spec: LoadSpec = { url, connections, durationSeconds: seconds, warmupSeconds: 1, headers: { 'user-agent': ua } };
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'bench/lib/load-child.ts'), JSON.stringify(spec)], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  return new Promise((resolve, reject) =>
    child.on('close', (code) =>
      code ? reject(new Error(`load generator exited with ${code}`)) : resolve(JSON.parse(out.trim().split('\n').pop()!)),
    ),
  );
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tandem-bench-capture-'));
  const config = loadConfig({
    TANDEM_DATA_DIR: dataDir,
    TANDEM_PORT: '0',
    TANDEM_HOST: '127.0.0.1',
    TANDEM_LOG_LEVEL: 'silent',
    TANDEM_WORKER_CONCURRENCY: '0',
  });
  const server = await startServer(config, { quiet: true, print: () => {} });
  const { database, secretKey } = server.platform;
  const db = database.db;
  try {
    const user = await createUser(db, { email: 'bench@example.com', name: 'Bench', password: 'correct horse battery staple' });
    const ws = await createWorkspace(db, { name: 'Bench', ownerUserId: user.id });
    const ctx: Ctx = { db, workspaceId: ws.id, actor: { type: 'user', id: user.id, userId: user.id, label: 'bench', role: 'admin' } };
    const form = await createForm(ctx, {
      name: 'Bench form',
      slug: 'bench-form',
      status: 'published',
      fields: [
        { key: 'email', label: 'Email', type: 'email', mapTo: 'contact.email', required: true },
        { key: 'first_name', label: 'First name', type: 'text', mapTo: 'contact.firstName' },
      ],
      settings: { consent: { text: 'Send me news.', required: false } },
    });
    const page = await createPage(ctx, {
      slug: 'bench-page',
      title: 'Bench page',
      description: 'A landing page with a heading, text, columns and a form.',
      blocks: [
        { type: 'heading', text: 'Bench', level: 1 },
        { type: 'richText', html: `<p>${'Words that sell. '.repeat(60)}</p>` },
        {
          type: 'columns',
          columns: [[{ type: 'richText', html: '<ul><li>One</li><li>Two</li></ul>' }], [{ type: 'form', formId: form.id }]],
        },
      ],
    });
    await publishPage(ctx, page.id, true);
    const pageUrl = `${server.url}/p/bench-page`;
    const html = await (await fetch(pageUrl, { headers: { 'user-agent': 'curl/8' } })).text();
    const bare = Fastify({ logger: false });
    bare.get('/p/bench-page', async (_req, reply) => reply.header('content-type', 'text/html; charset=utf-8').send(html));
    const bareUrl = `${await bare.listen({ port: 0, host: '127.0.0.1' })}/p/bench-page`;

    const pageRounds: { bare: LoadResult; tandem: LoadResult }[] = [];
    for (let r = 0; r < rounds; r++) pageRounds.push({ bare: await load(bareUrl), tandem: await load(pageUrl) });
    await bare.close();

    const found = (await getPublishedFormForBench(db, 'bench-form'))!;
    const token = renderToken(secretKey, form.id, Date.now() - 60_000);
    const tandemMs: number[] = [];
    for (let i = 0; i < submissions; i++) {
      const t0 = performance.now();
      await submitForm(db, secretKey, {
        form: found,
        values: { _t: token, email: `person${i}@bench.example`, first_name: 'Pat', consent: 'true' },
        ip: `10.1.${i >> 8}.${i & 255}`,
      });
      tandemMs.push(performance.now() - t0);
    }
    const bareMs: number[] = [];
    for (let i = 0; i < submissions; i++) {
      const t0 = performance.now();
      await db.transaction(async (tx) => {
        const id = newId();
        const email = `raw${i}@bench.example`;
        await tx.execute(sql`insert into contacts (id, workspace_id, first_name, last_name, display_name, email)
          values (${id}, ${ws.id}, 'Pat', '', 'Pat', ${email})`);
        await tx.execute(
          sql`insert into contact_emails (workspace_id, contact_id, email, is_primary) values (${ws.id}, ${id}, ${email}, true)`,
        );
        await tx.execute(sql`insert into form_submissions (id, workspace_id, form_id, contact_id, outcome, data)
          values (${newId()}, ${ws.id}, ${form.id}, ${id}, 'created', ${JSON.stringify({ email })}::jsonb)`);
      });
      bareMs.push(performance.now() - t0);
    }

    const machine = describeMachine();
    const pr = median(pageRounds.map((r) => r.tandem.requestsPerSecond / r.bare.requestsPerSecond));
    const result = {
      machine,
      pages: pageRounds,
      pageRatio: pr,
      submissions: { count: submissions, tandemMedianMs: median(tandemMs), bareMedianMs: median(bareMs) },
    };
    writeResults('capture', result);
    const rows = pageRounds.map((r, i) => [
      `round ${i + 1}`,
      Math.round(r.bare.requestsPerSecond),
      Math.round(r.tandem.requestsPerSecond),
      `${Math.round(r.bare.latencyMs.p95)} / ${Math.round(r.tandem.latencyMs.p95)}`,
    ]);
    const md = `## Forms and landing pages (\`bench/capture.ts\`)

${machineLine(machine)}. PGlite; the machine was shared with other engineers' test runs (2 cores), so absolute
figures are noisy; the ratios compare runs taken back to back.

**Landing page** \`GET /p/:slug\` (cached HTML + one page_view event and a view count per request) against bare
Fastify returning the same HTML from memory, ${connections} connections, ${seconds} s per side per round:

${table(['', 'bare req/s', 'Tandem req/s', 'p95 ms bare / Tandem'], rows)}

Median ratio Tandem / bare: **${pr.toFixed(2)}** (each Tandem view is a database write; the bare side writes nothing).

**Submission** (new contact, consent, event, audit, outbox, routing hook) vs. the three inserts a minimal handler
needs, ${submissions} sequential: median **${median(tandemMs).toFixed(1)} ms** vs **${median(bareMs).toFixed(1)} ms**
(ratio ${(median(tandemMs) / median(bareMs)).toFixed(1)}×).`;
    updateBenchDoc('capture', md);
    console.log(md);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
