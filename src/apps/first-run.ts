import { randomToken } from '../kernel/auth/index.ts';
import { ensureSetupToken, needsSetup } from '../modules/identity/index.ts';
import { seedDemo } from './demo.ts';
import type { Platform } from './platform.ts';

/**
 * On an empty database: with `--demo`, create the demo workspace and print its login; otherwise
 * print the one-time link that lets the first visitor create the admin in the browser.
 */
export async function bootstrapFirstRun(p: Platform, opts: { url: string; print: (line: string) => void }) {
  if (!(await needsSetup(p.database.db))) {
    opts.print(`Tandem is running at ${opts.url}`);
    return;
  }
  if (p.config.demo) {
    const demo = await seedDemo(p, { onProgress: (msg) => opts.print(`  ${msg}`) });
    opts.print('');
    opts.print(`Tandem is running at ${opts.url}`);
    opts.print(`Demo workspace "${demo.workspaceName}" is ready. Sign in with:`);
    opts.print(`  email:    ${demo.email}`);
    opts.print(`  password: ${demo.password}`);
    opts.print('(shown once; change it under your name → Profile)');
    return;
  }
  const token = await ensureSetupToken(p.database.db, randomToken(24));
  opts.print(`Tandem is running. Finish setting it up in your browser:`);
  opts.print(`  ${opts.url}/setup?token=${token}`);
}
