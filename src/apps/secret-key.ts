import { sql } from 'drizzle-orm';
import { randomToken } from '../kernel/auth/index.ts';
import type { Config } from '../kernel/config/index.ts';
import { type Database, rows } from '../kernel/db/index.ts';

/** TANDEM_SECRET_KEY, or a key generated once and kept in the database so every process shares it. */
export async function loadSecretKey(database: Database, config: Config): Promise<string> {
  if (config.secretKey) return config.secretKey;
  await database.db.execute(sql`insert into instance (key, value) values ('secret_key', ${randomToken(48)}) on conflict (key) do nothing`);
  const [row] = await rows<{ value: string }>(database.db, sql`select value from instance where key = 'secret_key'`);
  return row!.value;
}
