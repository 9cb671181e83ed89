import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { describeConfig, loadConfig } from './load-config.ts';

describe('loadConfig', () => {
  it('uses defaults when nothing is set', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', dataDir: './data', publicUrl: 'http://localhost:3000', logLevel: 'info' });
    expect(c.databaseUrl).toBeUndefined();
  });

  it('lets CLI flags override environment variables', () => {
    expect(loadConfig({ TANDEM_PORT: '4000' }, { port: '5000' }).port).toBe(5000);
  });

  it('stops with the variable name and what is expected for every bad value', () => {
    let err: unknown;
    try {
      loadConfig({ TANDEM_PORT: 'eighty', DATABASE_URL: 'mysql://x', TANDEM_LOG_LEVEL: 'loud' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    const e = err as AppError;
    expect(e.code).toBe('config_invalid');
    expect(e.message).toContain('TANDEM_PORT="eighty"');
    expect(e.message).toContain('DATABASE_URL="***": must start with postgres://');
    expect(e.message).toContain('TANDEM_LOG_LEVEL');
    expect((e.details as { problems: unknown[] }).problems).toHaveLength(3);
  });

  it('names the flag when the bad value came from a flag', () => {
    expect(() => loadConfig({}, { port: '-1' })).toThrow(/--port/);
  });

  it('rejects a short secret key without printing it', () => {
    expect(() => loadConfig({ TANDEM_SECRET_KEY: 'short' })).toThrow(/TANDEM_SECRET_KEY="\*\*\*": must be at least 32 characters/);
  });

  it('masks secrets when describing the effective config', () => {
    const rows = describeConfig(loadConfig({ DATABASE_URL: 'postgres://u:pw@h/db', SMTP_URL: 'smtp://u:pw@h' }));
    const db = rows.find((r) => r.env === 'DATABASE_URL');
    expect(db?.value).toBe('********');
    expect(JSON.stringify(rows)).not.toContain('pw@');
    expect(rows.find((r) => r.env === 'TANDEM_PORT')?.value).toBe('3000');
  });
});
