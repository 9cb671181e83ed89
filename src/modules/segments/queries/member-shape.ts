import { sql } from 'drizzle-orm';

export interface MemberRow {
  id: string;
  display_name: string;
  email: string | null;
  lifecycle_stage: string | null;
  company_name: string | null;
  at: Date | string | null;
}

/** Columns of `contacts c` left-joined to `companies co` that a member row shows. */
export const memberColumns = sql`c.id, c.display_name, c.email, c.lifecycle_stage, co.name as company_name`;

export const toMember = (r: MemberRow) => ({
  id: r.id,
  displayName: r.display_name,
  email: r.email,
  lifecycleStage: r.lifecycle_stage,
  companyName: r.company_name,
  at: r.at === null ? null : new Date(r.at),
});
