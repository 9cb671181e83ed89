import { sql } from 'drizzle-orm';
import type { Executor } from '../../src/kernel/db/index.ts';
import { forms } from '../../src/modules/capture/index.ts';

/** The form row submitForm takes (the bench calls the use case directly, without HTTP). */
export async function getPublishedFormForBench(db: Executor, slug: string) {
  const [row] = await db.select().from(forms).where(sql`${forms.slug} = ${slug}`);
  return row;
}
