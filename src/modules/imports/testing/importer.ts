import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { rows } from '../../../kernel/db/index.ts';
import type { Caller, TestPlatform } from '../../../kernel/testing/index.ts';
import { runImportJob } from '../jobs/import-jobs.ts';
import { runJob } from './run-job.ts';

/** Upload → preview → start → run the job in this process, through the HTTP API as the wizard does. */
export function importer(t: TestPlatform, ws: { admin: { apiKey: string; api: Caller } }) {
  const upload = (body: string | Buffer, name = 'people.csv') =>
    t.app.inject({
      method: 'POST',
      url: `/api/import-files?name=${encodeURIComponent(name)}`,
      headers: { authorization: `Bearer ${ws.admin.apiKey}`, 'content-type': 'text/csv' },
      payload: body,
    });
  async function start(csv: string | Buffer, opts: Record<string, unknown> = {}) {
    const up = await upload(csv);
    expect(up.statusCode, up.body).toBe(201);
    const file = up.json().file;
    const entity = (opts.entity as string) ?? 'contacts';
    const preview = await ws.admin.api.post(`/api/import-files/${file.id}/preview`, {
      entity,
      ...(opts.preset ? { preset: opts.preset } : {}),
    });
    expect(preview.statusCode, preview.body).toBe(200);
    const { preset: _p, ...rest } = opts;
    const res = await ws.admin.api.post('/api/imports', {
      fileId: file.id,
      entity,
      mode: 'upsert',
      key: 'email',
      mapping: preview.json().mapping,
      duplicatesInFile: 'merge',
      ...rest,
    });
    expect(res.statusCode, res.body).toBe(202);
    const id = res.json().import.id as string;
    const [job] = await rows<{ job_id: string }>(t.database.db, sql`select job_id from imports where id = ${id}`);
    return { id, jobId: job!.job_id, preview: preview.json(), file };
  }
  /** Starts and runs an import; returns its final state. */
  async function run(csv: string | Buffer, opts: Record<string, unknown> = {}) {
    const s = await start(csv, opts);
    await runJob(t, runImportJob, s.jobId);
    return { ...s, import: (await ws.admin.api.get(`/api/imports/${s.id}`)).json().import };
  }
  return { upload, start, run };
}
