import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { convertMinor } from '../../sales/index.ts';

/**
 * Recurring revenue of the workspace: MRR and ARR of confirmed and fulfilled orders (drafts are not
 * sold yet, cancelled ones are gone), per currency and converted into the workspace currency at
 * today's (UTC) rate — like open deals on the board. A currency without a rate is listed, not guessed.
 */
export async function getOrdersSummary(ctx: Ctx) {
  const list = await rows<{ currency: string; mrr: number; arr: number; orders: number; rate: string | null; ws: string }>(
    ctx.db,
    sql`select o.currency, sum(o.mrr)::float8 as mrr, sum(o.arr)::float8 as arr, count(*)::int as orders, w.currency as ws,
               (select r.rate from exchange_rates r where r.workspace_id = o.workspace_id and r.currency = o.currency
                  and r.quote = w.currency and r.valid_from <= (now() at time zone 'UTC')::date order by r.valid_from desc limit 1) as rate
        from orders o join workspaces w on w.id = o.workspace_id
        where o.workspace_id = ${ctx.workspaceId} and o.status in ('confirmed', 'fulfilled')
        group by o.workspace_id, o.currency, w.currency order by o.currency`,
  );
  const [ws] = await rows<{ currency: string }>(ctx.db, sql`select currency from workspaces where id = ${ctx.workspaceId}`);
  const currency = ws!.currency;
  let mrr = 0;
  let arr = 0;
  let orders = 0;
  const unconverted: string[] = [];
  for (const r of list) {
    orders += r.orders;
    if (r.currency === currency) {
      mrr += r.mrr;
      arr += r.arr;
    } else if (r.rate !== null) {
      mrr += convertMinor(r.mrr, Number(r.rate), r.currency, currency);
      arr += convertMinor(r.arr, Number(r.rate), r.currency, currency);
    } else unconverted.push(r.currency);
  }
  return {
    currency,
    mrr,
    arr,
    orders,
    byCurrency: list.map(({ currency, mrr, arr, orders }) => ({ currency, mrr, arr, orders })),
    unconverted,
  };
}
