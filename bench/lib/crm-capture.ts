/**
 * Capturing the SQL an endpoint runs, and running measuring jobs in a child process. The server runs in this
 * process, so wrapping pg's Client.prototype.query while one request is in flight records exactly the statements
 * (text and bound values) that request sent; they are replayed later through a plain pg client as the baseline.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import type { ClientJob, ClientResult, HttpCall, Statement } from './crm-client.ts';
import { repoRoot } from './report.ts';

/** Authentication runs on a principal-cache miss only (every 5 s): not part of what the endpoint itself queries. */
const authStatement = /\bfrom api_keys k\b|^update api_keys set last_used_at/;

let sink: Statement[] | undefined;
let installed = false;

function install() {
  if (installed) return;
  installed = true;
  const original = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const [config, values] = args as [string | { text?: string; values?: unknown[] }, unknown];
    if (sink) {
      const text = typeof config === 'string' ? config : config?.text;
      const vals = (typeof config === 'string' ? values : (config?.values ?? values)) as unknown[] | undefined;
      if (text && !authStatement.test(text.trim())) sink.push({ text, values: Array.isArray(vals) ? vals : [] });
    }
    return original.apply(this, args);
  } as typeof pg.Client.prototype.query;
}

/** Makes the HTTP calls of one request (one after another) and returns the SQL they ran; throws on a non-2xx answer. */
export async function captureRequest(baseUrl: string, calls: HttpCall[]): Promise<{ statements: Statement[]; bodies: unknown[] }> {
  install();
  const statements: Statement[] = [];
  const bodies: unknown[] = [];
  sink = statements;
  try {
    for (const call of calls) {
      const res = await fetch(baseUrl + call.path, { headers: call.headers });
      const body = await res.json();
      if (!res.ok) throw new Error(`GET ${call.path} answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
      bodies.push(body);
    }
  } finally {
    sink = undefined;
  }
  return { statements, bodies };
}

/** Runs a job in bench/lib/crm-client.ts as a child process. */
export function runClient(job: ClientJob): Promise<ClientResult> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'bench/lib/crm-client.ts')], {
    cwd: repoRoot,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d) => {
    out += d;
  });
  child.stdin.end(JSON.stringify(job));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`bench client exited with ${code}`));
      resolve(JSON.parse(out.trim().split('\n').pop()!) as ClientResult);
    });
  });
}

/** Nearest-rank percentile of unsorted values. */
export function percentile(values: number[], p: number) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}
