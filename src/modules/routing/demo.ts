import { sql } from 'drizzle-orm';
import { type Ctx, systemActor } from '../../kernel/context.ts';
import { type Database, rows } from '../../kernel/db/index.ts';
import { logActivity } from '../activities/index.ts';
import { createContact } from '../contacts/index.ts';
import { createTeam } from '../identity/index.ts';
import { addBusinessMinutes, weekdayNineToFive } from './business-hours.ts';
import { calendarOf, loadRoutingSettings } from './queries/get-routing-settings.ts';
import { dueAtFor } from './use-cases/assign-lead.ts';
import { createRoutingRule } from './use-cases/create-routing-rule.ts';
import { recordFirstTouch } from './use-cases/record-first-touch.ts';
import { updateRoutingSettings } from './use-cases/update-routing-settings.ts';

const first = ['Maya', 'Jonas', 'Priya', 'Luca', 'Sofia', 'Noah', 'Elif', 'Mateo', 'Hana', 'Oscar', 'Amara', 'Felix'];
const last = ['Becker', 'Okafor', 'Lindqvist', 'Moreau', 'Tanaka', 'Silva', 'Novak', 'Haddad', 'Kowalski', 'Duarte'];
const europe = ['GB', 'DE', 'FR', 'NL', 'SE', 'ES'];
const americas = ['US', 'CA'];

/** How many web leads the demo adds (on top of the CRM demo's contacts). */
export const routingDemoLeads = 40;

/**
 * Two sales teams, routing on with three rules (strategic accounts → a named owner, Europe → round
 * robin, Americas → least loaded; no fallback, so APAC leads wait unassigned), a one-business-hour SLA,
 * and 40 web leads over the last two weeks: most touched (some late), some still waiting.
 */
export async function seedRoutingDemo(p: { database: Database }, workspaceId: string, adminId: string, leadCount = routingDemoLeads) {
  const db = p.database.db;
  const admin: Ctx = { db, workspaceId, actor: { type: 'user', id: adminId, userId: adminId, label: 'Demo admin', role: 'admin' } };
  const reps = await rows<{ id: string; name: string }>(
    db,
    sql`select u.id, u.name from memberships m join users u on u.id = m.user_id
        where m.workspace_id = ${workspaceId} and m.role = 'sales_rep' order by u.id`,
  );
  if (reps.length < 2) return;
  const half = Math.ceil(reps.length / 2);
  const emea = await createTeam(admin, { name: 'EMEA Sales', managerId: adminId, memberIds: reps.slice(0, half).map((r) => r.id) });
  const amer = await createTeam(admin, { name: 'Americas Sales', managerId: adminId, memberIds: reps.slice(half).map((r) => r.id) });
  await updateRoutingSettings(admin, {
    enabled: true,
    fallbackOwnerId: null,
    slaMinutes: 60,
    businessHours: weekdayNineToFive,
    followUpDays: 7,
    digestHour: 8,
  });
  const company = (where: unknown) => ({ predicate: 'company', where }) as never;
  await createRoutingRule(admin, {
    name: 'Strategic accounts (1,000+ employees)',
    conditions: company({ field: 'employee_count', op: 'gte', value: 1000 }),
    strategy: 'owner',
    ownerId: adminId,
  });
  await createRoutingRule(admin, {
    name: 'Europe',
    conditions: company({ field: 'country', op: 'in', value: europe }),
    strategy: 'round_robin',
    teamId: emea.id,
  });
  await createRoutingRule(admin, {
    name: 'Americas',
    conditions: company({ field: 'country', op: 'in', value: americas }),
    strategy: 'least_loaded',
    teamId: amer.id,
  });

  const companies = await rows<{ id: string; domain: string | null }>(
    db,
    sql`select id, domain from companies where workspace_id = ${workspaceId} and deleted_at is null and domain is not null order by id limit 60`,
  );
  const settings = await loadRoutingSettings(db, workspaceId);
  const system: Ctx = { db, workspaceId, actor: systemActor('web form') };
  const now = Date.now();
  const touched: string[] = [];
  for (let i = 0; i < leadCount && companies.length; i++) {
    const co = companies[(i * 7) % companies.length]!;
    const fn = first[i % first.length]!;
    const ln = last[(i * 3) % last.length]!;
    const lead = await createContact(system, {
      firstName: fn,
      lastName: ln,
      emails: [{ email: `${fn}.${ln}.${i}@${co.domain}`.toLowerCase() }],
      companyId: co.id,
      lifecycleStage: 'lead',
      source: 'web_form',
    });
    // Spread arrivals over the last 14 days (the newest few within the last hours, still inside their target).
    const at = new Date(i < 4 ? now - (i + 1) * 20 * 60_000 : now - ((i * 5.3) % 14) * 86_400_000 - (i % 9) * 3_600_000);
    await db.execute(sql`update contacts set created_at = ${at.toISOString()} where workspace_id = ${workspaceId} and id = ${lead.id}`);
    await db.execute(
      sql`update lead_assignments set assigned_at = ${at.toISOString()}, due_at = ${dueAtFor(settings, at).toISOString()}
          where workspace_id = ${workspaceId} and contact_id = ${lead.id}`,
    );
    if (!lead.ownerId || i < 4 || i % 4 === 3) continue; // these wait
    // Most reps answer within the hour; every fifth lead is answered late.
    const delay = i % 5 === 0 ? 90 + (i % 7) * 40 : 5 + ((i * 13) % 50);
    const touchAt = addBusinessMinutes(at, delay, calendarOf(settings));
    if (!touchAt || touchAt.getTime() > now) continue;
    const owner: Ctx = {
      db,
      workspaceId,
      actor: { type: 'user', id: lead.ownerId, userId: lead.ownerId, label: 'rep', role: 'sales_rep' },
    };
    await logActivity(owner, {
      type: i % 2 ? 'call' : 'email',
      subject: i % 2 ? `Intro call with ${fn}` : `Re: your enquiry`,
      occurredAt: touchAt.toISOString(),
      ...(i % 2
        ? { direction: 'outbound', outcome: 'connected', durationSeconds: 300 }
        : { direction: 'outbound', from: `sales@${co.domain}`, to: [lead.email ?? `${fn}@${co.domain}`] }),
      links: [{ entityType: 'contact', entityId: lead.id }],
    } as never);
    touched.push(lead.id);
  }
  await recordFirstTouch(db, workspaceId, touched);
}
