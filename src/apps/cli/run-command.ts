import { type Config, loadConfig, type Source } from '../../kernel/config/index.ts';
import { AppError } from '../../kernel/errors.ts';

/** Global flags every command accepts; they override the environment. */
export const globalFlags = ['port', 'host', 'data-dir', 'database-url', 'log-level', 'public-url', 'concurrency', 'demo'] as const;

export function configFrom(opts: Record<string, unknown>): Config {
  const flags: Source = {};
  for (const f of globalFlags) {
    const key = f.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
    const v = opts[key];
    if (v !== undefined) flags[f] = String(v);
  }
  return loadConfig(undefined, flags);
}

/** Runs a command body; an AppError prints its message (and fix) and exits 1, without a stack. */
export async function runCommand(fn: () => Promise<void>) {
  try {
    await fn();
  } catch (err) {
    if (err instanceof AppError) {
      process.stderr.write(`error [${err.code}]: ${err.message}\n`);
      const issues = (err.details as { issues?: { path?: unknown[]; message: string }[] })?.issues;
      for (const i of issues ?? []) process.stderr.write(`  ${(i.path ?? []).join('.')}: ${i.message}\n`);
    } else {
      process.stderr.write(`error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    }
    process.exitCode = 1;
  }
}
