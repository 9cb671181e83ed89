import { sql } from 'drizzle-orm';
import { rows } from '../../../kernel/db/index.ts';
import { enqueue, type JobContext } from '../../../kernel/jobs/index.ts';
import { type BroadcastJobs, loadBroadcast } from './send-broadcast.ts';

/**
 * A/B: after the wait, the variant with the best human open rate (or click rate) wins and the held rest of the
 * audience is queued with it. Machine opens (privacy proxies) are left out: they open everything.
 */
export async function pickWinner(broadcastId: string, job: JobContext, jobs: BroadcastJobs) {
  const db = job.database.db;
  const ws = job.workspaceId!;
  const b = await loadBroadcast(db, ws, broadcastId);
  if (b?.status !== 'testing' || b.winner_variant_id) return { skipped: b?.status };
  const stats = await rows<{ id: string; template_version_id: string; sent: number; opened: number; clicked: number }>(
    db,
    sql`select v.id, v.template_version_id, count(m.sent_at)::int as sent, count(m.opened_at)::int as opened, count(m.clicked_at)::int as clicked
          from email_broadcast_variants v
          left join email_messages m on m.workspace_id = v.workspace_id and m.broadcast_id = v.broadcast_id and m.variant_id = v.id
          where v.workspace_id = ${ws} and v.broadcast_id = ${broadcastId}
          group by v.id, v.template_version_id, v.label order by v.label`,
  );
  const rate = (s: (typeof stats)[number]) => (s.sent ? (b.winner_metric === 'click' ? s.clicked : s.opened) / s.sent : 0);
  const winner = stats.reduce((best, s) => (rate(s) > rate(best) ? s : best), stats[0]!);
  await db.transaction(async (tx) => {
    await tx.execute(sql`update email_broadcasts set winner_variant_id = ${winner.id}, status = 'sending', updated_at = now()
          where workspace_id = ${ws} and id = ${broadcastId}`);
    await tx.execute(sql`update email_messages set status = 'queued', variant_id = ${winner.id}, template_version_id = ${winner.template_version_id}
          where workspace_id = ${ws} and broadcast_id = ${broadcastId} and status = 'held'`);
    await enqueue(tx, jobs.send, { broadcastId }, { workspaceId: ws, idempotencyKey: `email.broadcast:${broadcastId}:winner` });
  });
  return { winner: winner.id, rates: stats.map((s) => ({ id: s.id, rate: rate(s) })) };
}
