import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = path.resolve('bin/tandem.mjs');
const dataDir = mkdtempSync(path.join(tmpdir(), 'tandem-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs the real CLI in a child process against an embedded database in a temp folder. */
async function tandem(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, TANDEM_DATA_DIR: dataDir, TANDEM_LOG_LEVEL: 'silent', ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

// Each command opens the embedded database in a child process; a loaded machine makes that slow.
describe('the tandem CLI', { timeout: 180_000 }, () => {
  it('prints the effective config with secrets masked', async () => {
    const r = await tandem(['config'], { DATABASE_URL: 'postgres://u:hunter2@db/x' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/TANDEM_PORT\s+3000/);
    expect(r.stdout).toMatch(/DATABASE_URL\s+\*{8}/);
    expect(r.stdout).not.toContain('hunter2');
  });

  it('stops on a bad setting, naming the variable and what it expects', async () => {
    const r = await tandem(['config'], { TANDEM_PORT: 'eighty' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('config_invalid');
    expect(r.stderr).toContain('TANDEM_PORT="eighty"');
    expect(r.stderr).not.toContain('    at ');
  });

  it('migrates, creates a workspace, a user and an API key, and resets a password', async () => {
    expect((await tandem(['migrate'])).stdout).toContain('Migrations applied (pglite)');
    const ws = await tandem(['workspace', 'create', 'Globex', '--admin-email', 'hank@globex.test', '--admin-password', 'cypress creek 1']);
    expect(ws.code).toBe(0);
    expect(ws.stdout).toContain('Created workspace Globex');
    const user = await tandem([
      'user',
      'create',
      'frank@globex.test',
      '--workspace',
      'globex',
      '--password',
      'grimes grimes 1',
      '--role',
      'sales_manager',
    ]);
    expect(user.stdout).toContain('as sales_manager in Globex');
    const key = await tandem(['api-key', 'create', '--workspace', 'Globex', '--user', 'frank@globex.test', '--scope', 'read']);
    expect(key.stdout.trim()).toMatch(/^tdm_[A-Za-z0-9]{8}_[\w-]{43}$/);
    const reset = await tandem(['user', 'reset-password', 'frank@globex.test', '--password', 'a brand new one']);
    expect(reset.stdout).toContain('sessions were ended');
    const list = await tandem(['workspace', 'list']);
    expect(list.stdout).toContain('Globex  (2 members)');
  });

  it('explains mistakes without a stack trace', async () => {
    const role = await tandem([
      'user',
      'create',
      'x@globex.test',
      '--workspace',
      'Globex',
      '--password',
      'long enough pw',
      '--role',
      'boss',
    ]);
    expect(role.code).toBe(1);
    expect(role.stderr).toContain('Unknown role "boss"');
    const ws = await tandem(['user', 'create', 'x@globex.test', '--workspace', 'Nowhere', '--password', 'long enough pw']);
    expect(ws.stderr).toContain('No workspace "Nowhere"');
    const help = await tandem(['api-key', 'create', '--help']);
    expect(help.stdout).toContain('--scope');
  });
});
