import { spawn } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testDatabaseUrl } from '../testing/index.ts';
import { rows, transactionWithCommitHook } from './index.ts';

let database: Awaited<ReturnType<typeof openTestDatabase>>;
beforeAll(async () => {
  database = await openTestDatabase();
  await database.db.execute(sql`create table commit_hook_probe (tag text not null)`);
});
afterAll(() => database.close());

const tags = async () => (await rows<{ tag: string }>(database.db, sql`select tag from commit_hook_probe order by tag`)).map((r) => r.tag);

describe('transactionWithCommitHook', () => {
  it('commits, calls the hook once with the result, and keeps a nested transaction a savepoint', async () => {
    const heard: string[] = [];
    const result = await transactionWithCommitHook(
      database.db,
      async (tx) => {
        await tx.execute(sql`insert into commit_hook_probe values ('outer')`);
        await tx
          .transaction(async (inner) => {
            await inner.execute(sql`insert into commit_hook_probe values ('inner')`);
            throw new Error('undo the savepoint only');
          })
          .catch(() => {});
        return 'done';
      },
      (r) => heard.push(r),
    );
    expect(result).toBe('done');
    expect(heard).toEqual(['done']);
    expect(await tags()).toEqual(['outer']);
  });

  it('rolls back and never calls the hook when the work fails', async () => {
    await database.db.execute(sql`delete from commit_hook_probe`);
    let called = false;
    await expect(
      transactionWithCommitHook(
        database.db,
        async (tx) => {
          await tx.execute(sql`insert into commit_hook_probe values ('lost')`);
          throw new Error('bad row');
        },
        () => {
          called = true;
        },
      ),
    ).rejects.toThrow('bad row');
    expect(called).toBe(false);
    expect(await tags()).toEqual([]);
    // The connection went back to the pool in a usable state.
    await transactionWithCommitHook(
      database.db,
      (tx) => tx.execute(sql`insert into commit_hook_probe values ('next')`),
      () => {},
    );
    expect(await tags()).toEqual(['next']);
  });

  // The property the SMTP sender relies on: when the hook runs, the COMMIT has already left the process, so a kill -9
  // inside the hook still commits. Run in a child process that kills itself there.
  it.skipIf(!testDatabaseUrl())(
    'has written the COMMIT before the hook runs: a kill -9 inside the hook still commits (PostgreSQL)',
    async () => {
      await database.db.execute(sql`delete from commit_hook_probe`);
      const helper = path.resolve('src/kernel/db/commit-hook.ts');
      const client = path.resolve('src/kernel/db/client.ts');
      const code = `
        const { openDatabase } = await import(${JSON.stringify(client)});
        const { transactionWithCommitHook } = await import(${JSON.stringify(helper)});
        const { sql } = await import('drizzle-orm');
        const d = await openDatabase({ databaseUrl: process.argv[1] });
        await transactionWithCommitHook(d.db, (tx) => tx.execute(sql\`insert into commit_hook_probe values ('killed')\`),
          () => process.kill(process.pid, 'SIGKILL'));
        console.log('hook did not kill');`;
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code, database.url!], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      child.stdout!.on('data', (c) => {
        out += c;
      });
      const [, signal] = (await once(child, 'exit')) as [number | null, string | null];
      expect(out).toBe('');
      expect(signal).toBe('SIGKILL');
      // The server may still be finishing the dead client's COMMIT.
      const until = Date.now() + 10_000;
      while ((await tags()).length === 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      expect(await tags()).toEqual(['killed']);
    },
    60_000,
  );
});
