import { sql } from 'drizzle-orm';
import type { Executor } from '../../../kernel/db/index.ts';
import { recordContactEvents } from '../../engagement/index.ts';
import { utmKeys } from '../form-model.ts';
import { visitorIdOf } from '../visitor-id.ts';

/**
 * One human view of a published landing page: a page_view event (subject = the page; the tracking visitor when
 * known, else anonymous, stitched later by identifyVisitor) and the page's view count. Bots are filtered by the caller.
 */
export async function recordPageView(
  db: Executor,
  v: { workspaceId: string; pageId: string; url: string; visitor: string | null; referrer: string | null },
) {
  const params = new URL(v.url).searchParams;
  const utm: Record<string, string> = {};
  for (const k of utmKeys) {
    const val = params.get(`utm_${k}`)?.trim().slice(0, 200);
    if (val) utm[k] = val;
  }
  const props: Record<string, unknown> = {};
  if (Object.keys(utm).length) props.utm = utm;
  if (v.referrer) props.referrer = v.referrer.slice(0, 2000);
  await db.transaction(async (tx) => {
    await recordContactEvents(tx, v.workspaceId, [
      {
        kind: 'page_view',
        visitorId: visitorIdOf(v.visitor),
        subjectId: v.pageId,
        url: v.url.slice(0, 2000),
        props,
      },
    ]);
    await tx.execute(sql`update landing_pages set view_count = view_count + 1 where id = ${v.pageId}`);
  });
}
