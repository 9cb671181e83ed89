#!/usr/bin/env node
import { createHash } from 'node:crypto';
/**
 * Builds the web app into web/dist when it is missing or older than any file in web/ (or the
 * package lock). `npm start` runs it before the server; browser tests run it before starting one.
 *   node scripts/ensure-web-build.mjs [--force] [--quiet]
 * Concurrent runs (two test workers) wait for each other through a lock directory, then re-check.
 */
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const web = path.join(root, 'web');
const dist = path.join(web, 'dist');
const marker = path.join(dist, 'index.html');
const force = process.argv.includes('--force');
const quiet = process.argv.includes('--quiet');
const skipDirs = new Set(['dist', 'node_modules', '.vite']);

const mtime = (file) => {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
};

/** The newest modification time of any source file under web/ (dist excluded). */
function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!skipDirs.has(entry.name)) newest = Math.max(newest, newestSource(path.join(dir, entry.name)));
    } else newest = Math.max(newest, mtime(path.join(dir, entry.name)));
  }
  return newest;
}

/** Why a build is needed, or null when web/dist is current. */
function staleReason() {
  if (force) return 'asked to (--force)';
  const built = mtime(marker);
  if (!built) return 'web/dist does not exist yet';
  if (newestSource(web) > built) return 'files in web/ changed since the last build';
  if (mtime(path.join(root, 'package-lock.json')) > built) return 'dependencies changed since the last build';
  return null;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const lockDir = path.join(tmpdir(), `tandem-web-build-${createHash('sha256').update(root).digest('hex').slice(0, 12)}.lock`);

/** mkdir is atomic: whoever creates the directory builds; a lock older than 5 minutes is from a crashed run. */
async function withLock(fn) {
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch {
      if (Date.now() - mtime(lockDir) > 5 * 60_000) rmSync(lockDir, { recursive: true, force: true });
      else await sleep(250);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

async function main() {
  if (!staleReason()) return;
  await withLock(async () => {
    const reason = staleReason();
    if (!reason) return; // another run built it while we waited
    console.log(`Building the web app into web/dist (${reason})…`);
    let vite;
    try {
      vite = await import('vite');
    } catch {
      console.error(
        'Cannot build the web app: the dev dependency "vite" is not installed. Run `npm install` (with dev dependencies) first.',
      );
      process.exit(1);
    }
    const started = Date.now();
    await vite.build({ configFile: path.join(web, 'vite.config.ts'), logLevel: quiet ? 'error' : 'warn', mode: 'production' });
    console.log(`Web app built in ${((Date.now() - started) / 1000).toFixed(1)}s.`);
  });
}

main().catch((err) => {
  console.error(`Building the web app failed: ${err?.message ?? err}`);
  process.exit(1);
});
