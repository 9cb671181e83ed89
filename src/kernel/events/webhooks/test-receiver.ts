import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppError } from '../../errors.ts';
import { verifyWebhook } from './signature.ts';

export interface ReceivedWebhook {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** What verifyWebhook said: 'ok', or the error code. */
  verified: string;
  status: number;
}

/**
 * A real HTTP endpoint for tests (127.0.0.1, random port). It checks each request's signature with
 * the secrets given by `trust(path, secret)` (401 when none matches) and answers the statuses queued
 * by `answer(path, ...)`, then 200.
 */
export async function startTestReceiver() {
  const received: ReceivedWebhook[] = [];
  const plans = new Map<string, number[]>();
  const secrets = new Map<string, string>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      const body = Buffer.concat(chunks).toString('utf8');
      let verified = 'ok';
      try {
        verifyWebhook(secrets.get(path) ?? 'whsec_', req.headers, body);
      } catch (err) {
        verified = err instanceof AppError ? err.code : String(err);
      }
      const status = verified === 'ok' ? (plans.get(path)?.shift() ?? 200) : 401;
      received.push({ path, headers: req.headers, body, verified, status });
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'thanks' : `nope ${status} ${'x'.repeat(5000)}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    received,
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    trust: (path: string, secret: string) => void secrets.set(path, secret),
    answer: (path: string, ...statuses: number[]) => void plans.set(path, statuses),
    at: (path: string) => received.filter((r) => r.path === path),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
