import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const bin = path.resolve('bin/tandem.mjs');
const dataDir = mkdtempSync(path.join(tmpdir(), 'tandem-cli-export-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function tandem(args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, TANDEM_DATA_DIR: dataDir, TANDEM_LOG_LEVEL: 'silent' },
      timeout: 90_000,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

describe('tandem export, export-workspace and import-workspace', { timeout: 240_000 }, () => {
  it('streams a list to stdout with progress on stderr, and round-trips a workspace through a zip', async () => {
    expect(
      (await tandem(['workspace', 'create', 'Initech', '--admin-email', 'bill@initech.test', '--admin-password', 'tps reports 1'])).code,
    ).toBe(0);
    const csv = await tandem(['export', 'contacts', '--columns', 'email,first_name', '--headers', 'keys']);
    expect(csv.code).toBe(0);
    expect(csv.stdout).toBe('\uFEFFemail,first_name\n');
    expect(csv.stderr).toContain('Exported 0 contacts from Initech.');

    const bad = await tandem(['export', 'contacts', '--filter', '{"field":"nope","op":"eq","value":1}']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('filter_invalid');
    expect(bad.stdout).toBe('');

    const zip = path.join(dataDir, 'initech.zip');
    const out = await tandem(['export-workspace', '--workspace', 'initech', '--out', zip]);
    expect(out.code).toBe(0);
    expect(existsSync(zip)).toBe(true);
    const imported = await tandem(['import-workspace', zip, '--workspace', 'Initech copy']);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toMatch(/Created workspace Initech copy \([0-9a-f-]{36}\)/);
    expect((await tandem(['workspace', 'list'])).stdout).toMatch(/Initech copy\s+\(1 members\)/);
  });
});
