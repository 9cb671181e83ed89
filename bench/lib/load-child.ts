/**
 * Load generator, run as its own process so it does not share the server's event loop:
 *   node --import tsx bench/lib/load-child.ts '<LoadSpec JSON>'
 * Prints one LoadResult JSON line on stdout. Uses autocannon's API rather than its CLI because the
 * CLI's JSON has no p95; every response time is kept and the percentiles are computed exactly.
 */
import autocannon from 'autocannon';

export interface LoadSpec {
  url: string;
  connections: number;
  durationSeconds: number;
  warmupSeconds: number;
  headers?: Record<string, string>;
  /** Paths each connection cycles through (e.g. many visitors); default: the URL's own path. */
  paths?: string[];
}

export interface LoadResult {
  requestsPerSecond: number;
  requests: number;
  /** Requests sent during the warm-up (so a caller can divide its own CPU time by every request served). */
  warmupRequests: number;
  latencyMs: { p50: number; p95: number; p99: number; mean: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}

/**
 * Each connection cycles through all the paths from its own starting point, spread evenly, so connections stand for
 * different visitors at any moment (as browsers do) instead of all asking for the first path together.
 */
function rotatePaths(paths: string[], connections: number) {
  let client = 0;
  return (c: autocannon.Client) => {
    const start = Math.floor((client++ * paths.length) / Math.max(1, connections)) % paths.length;
    c.setRequests([...paths.slice(start), ...paths.slice(0, start)].map((path) => ({ method: 'GET' as const, path })));
  };
}

function run(spec: LoadSpec, seconds: number, onTime?: (ms: number) => void): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: spec.url,
        connections: spec.connections,
        duration: seconds,
        headers: spec.headers ?? {},
        ...(spec.paths?.length && { setupClient: rotatePaths(spec.paths, spec.connections) }),
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    if (onTime) instance.on('response', (_client, _status, _bytes, responseTime) => onTime(responseTime));
  });
}

function percentile(sorted: Float64Array, p: number) {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main() {
  const spec = JSON.parse(process.argv[2] ?? '{}') as LoadSpec;
  const warm = spec.warmupSeconds > 0 ? await run(spec, spec.warmupSeconds) : undefined;
  const times: number[] = [];
  const r = await run(spec, spec.durationSeconds, (ms) => times.push(ms));
  const sorted = Float64Array.from(times).sort();
  const mean = times.reduce((a, b) => a + b, 0) / (times.length || 1);
  const out: LoadResult = {
    requestsPerSecond: Math.round(r.requests.total / r.duration),
    requests: r.requests.total,
    warmupRequests: warm?.requests.total ?? 0,
    latencyMs: {
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      mean: Math.round(mean * 100) / 100,
      max: sorted.length ? sorted[sorted.length - 1]! : 0,
    },
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
