/**
 * The measuring side of bench/crm.ts, run as its own process so it shares no event loop with the server:
 *   node --import tsx bench/lib/crm-client.ts < job.json
 * A job is a list of requests, each either HTTP calls made one after another or SQL statements run one after
 * another on one plain pg connection. It runs `warmup` of them unmeasured, then every request, `concurrency`
 * at a time, and prints one JSON line: each request's latency and each statement's time.
 */
import pg from 'pg';

export interface HttpCall {
  path: string;
  headers: Record<string, string>;
}
export interface Statement {
  text: string;
  values: unknown[];
}
export type ClientJob =
  | { kind: 'http'; baseUrl: string; requests: HttpCall[][]; warmup: number; concurrency: number }
  | { kind: 'sql'; databaseUrl: string; requests: Statement[][]; warmup: number; concurrency: number };

export interface ClientResult {
  latenciesMs: number[];
  /** For SQL jobs: each statement's time, by request then statement. */
  statementMs?: number[][];
  errors: string[];
  wallSeconds: number;
}

type Runner = (i: number) => Promise<number[]>;

async function httpRunner(job: Extract<ClientJob, { kind: 'http' }>, errors: string[]): Promise<{ run: Runner; close(): Promise<void> }> {
  return {
    async run(i) {
      const times: number[] = [];
      for (const call of job.requests[i]!) {
        const t = performance.now();
        const res = await fetch(job.baseUrl + call.path, { headers: call.headers });
        const body = await res.text();
        times.push(performance.now() - t);
        if (!res.ok && errors.length < 20) errors.push(`${res.status} ${call.path.slice(0, 120)}: ${body.slice(0, 200)}`);
      }
      return times;
    },
    close: async () => {},
  };
}

async function sqlRunner(job: Extract<ClientJob, { kind: 'sql' }>, errors: string[]) {
  const idle: pg.Client[] = [];
  for (let i = 0; i < job.concurrency; i++) {
    const c = new pg.Client({ connectionString: job.databaseUrl });
    await c.connect();
    idle.push(c);
  }
  const all = [...idle];
  return {
    async run(i: number) {
      const c = idle.pop()!;
      const times: number[] = [];
      try {
        for (const s of job.requests[i]!) {
          const t = performance.now();
          await c.query(s.text, s.values).catch((err: Error) => {
            if (errors.length < 20) errors.push(`${err.message}: ${s.text.slice(0, 120)}`);
          });
          times.push(performance.now() - t);
        }
      } finally {
        idle.push(c);
      }
      return times;
    },
    close: () => Promise.all(all.map((c) => c.end())).then(() => {}),
  };
}

/** Runs the job: warm-up one at a time, then every request with `concurrency` workers pulling from one queue. */
export async function runJob(job: ClientJob): Promise<ClientResult> {
  const errors: string[] = [];
  const runner = job.kind === 'http' ? await httpRunner(job, errors) : await sqlRunner(job, errors);
  try {
    for (let i = 0; i < job.warmup; i++) await runner.run(i % job.requests.length);
    errors.length = 0;
    const latenciesMs: number[] = new Array(job.requests.length);
    const statementMs: number[][] = new Array(job.requests.length);
    let next = 0;
    const started = performance.now();
    const worker = async () => {
      while (next < job.requests.length) {
        const i = next++;
        const t = performance.now();
        statementMs[i] = await runner.run(i);
        latenciesMs[i] = performance.now() - t;
      }
    };
    await Promise.all(Array.from({ length: job.concurrency }, worker));
    const wallSeconds = (performance.now() - started) / 1000;
    return { latenciesMs, ...(job.kind === 'sql' && { statementMs }), errors, wallSeconds };
  } finally {
    await runner.close();
  }
}

async function main() {
  let input = '';
  for await (const chunk of process.stdin) input += chunk;
  const result = await runJob(JSON.parse(input) as ClientJob);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (process.argv[1]?.endsWith('crm-client.ts')) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
