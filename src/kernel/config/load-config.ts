import { AppError } from '../errors.ts';
import { type Config, type Setting, settings } from './settings.ts';

export type Source = Record<string, string | undefined>;

/**
 * Builds the one config object from environment variables and CLI flags (flags win).
 * A bad value throws `config_invalid` naming the variable and what it expects.
 */
export function loadConfig(env: Source = process.env, flags: Source = {}): Config {
  const out: Record<string, unknown> = {};
  const problems: { variable: string; value: string | undefined; expected: string }[] = [];
  for (const [key, setting] of Object.entries(settings) as [string, Setting][]) {
    const fromFlag = setting.flag ? flags[setting.flag] : undefined;
    const raw = fromFlag ?? emptyToUndefined(env[setting.env]);
    const parsed = setting.schema.safeParse(raw);
    if (parsed.success) out[key] = parsed.data;
    else {
      const name = fromFlag !== undefined ? `--${setting.flag}` : setting.env;
      problems.push({
        variable: name,
        value: setting.secret ? '***' : raw,
        expected: parsed.error.issues.map((i) => i.message).join('; '),
      });
    }
  }
  if (problems.length) {
    const lines = problems.map((p) => `${p.variable}=${JSON.stringify(p.value)}: ${p.expected}`);
    throw new AppError('config_invalid', `Invalid configuration:\n  ${lines.join('\n  ')}`, { problems });
  }
  const config = out as Config;
  if (!config.publicUrl) config.publicUrl = `http://localhost:${config.port}`;
  config.publicUrl = config.publicUrl.replace(/\/+$/, '');
  return config;
}

function emptyToUndefined(v: string | undefined) {
  return v === undefined || v === '' ? undefined : v;
}

/** The effective config as rows for `tandem config`, secrets masked. */
export function describeConfig(config: Config) {
  return (Object.entries(settings) as [keyof Config, Setting][]).map(([key, s]) => {
    const value = config[key];
    const shown = value === undefined ? '(unset)' : s.secret ? '********' : String(value);
    return { key, env: s.env, flag: s.flag ? `--${s.flag}` : '', value: shown, description: s.description };
  });
}

/** Which environment variables Tandem reads (for docs and tests). */
export const settingNames = () => Object.values(settings).map((s) => s.env);

/** Reads one raw variable that is not a setting (test harness switches only). */
export const rawEnv = (name: string): string | undefined => process.env[name];
