import { sql } from 'drizzle-orm';
import { type Database, newId, rows } from '../../kernel/db/index.ts';
import * as c from './demo-content.ts';
import { activities, activityLinks, tasks } from './schema.ts';

export interface ActivitiesDemoOptions {
  /** The moment "two years back" and "today" are measured from (default: now). */
  now?: Date;
  seed?: number;
  /** Contacts that get a history (the first ones by id). */
  maxContacts?: number;
}

type ActivityRow = typeof activities.$inferInsert;
type LinkRow = typeof activityLinks.$inferInsert;
type TaskRow = typeof tasks.$inferInsert;
interface Contact {
  id: string;
  name: string;
  first: string;
  email: string | null;
  company_id: string | null;
  company: string | null;
}

const day = 86_400_000;
const twoYears = 730;

/**
 * Gives the workspace's existing contacts and companies a believable history: notes, calls, meetings
 * and emails over the last two years, and open tasks (some overdue, some due today in the workspace
 * time zone). Same content on every run with the same seed. Bulk inserts: demo rows are not audited
 * and emit no events.
 */
export async function seedActivitiesDemo(
  p: { database: Database },
  workspaceId: string,
  adminId: string,
  opts: ActivitiesDemoOptions = {},
): Promise<void> {
  const db = p.database.db;
  const r = c.prng(opts.seed ?? 20240611);
  const now = opts.now ?? new Date();
  const contacts = await rows<Contact>(
    db,
    sql`select c.id, c.display_name as name, coalesce(nullif(c.first_name, ''), split_part(c.display_name, ' ', 1)) as first,
      c.email, c.company_id, co.name as company from contacts c left join companies co on co.id = c.company_id and co.workspace_id = c.workspace_id
    where c.workspace_id = ${workspaceId} and c.deleted_at is null order by c.id limit ${opts.maxContacts ?? 400}`,
  );
  const companies = await rows<{ id: string; name: string }>(
    db,
    sql`select id, name from companies where workspace_id = ${workspaceId} and deleted_at is null order by id limit 200`,
  );
  const members = await rows<{ id: string; email: string; name: string }>(
    db,
    sql`select u.id, u.email, u.name from memberships m join users u on u.id = m.user_id
    where m.workspace_id = ${workspaceId} order by u.id`,
  );
  const me = members.find((m) => m.id === adminId) ?? { id: adminId, email: 'you@example.com', name: 'You' };
  const [ws] = await rows<{ today_start: Date | string }>(
    db,
    sql`select
    (date_trunc('day', ${now.toISOString()}::timestamptz at time zone timezone)) at time zone timezone as today_start from workspaces where id = ${workspaceId}`,
  );
  const todayStart = new Date(ws?.today_start ?? now);

  const acts: ActivityRow[] = [];
  const links: LinkRow[] = [];
  const taskRows: TaskRow[] = [];
  const at = (daysAgo: number) => new Date(Math.floor((now.getTime() - daysAgo * day) / 60_000) * 60_000);
  const add = (row: Omit<ActivityRow, 'workspaceId' | 'id'>, on: { entityType: string; entityId: string }[]) => {
    const id = newId();
    acts.push({ ...row, id, workspaceId, createdBy: me.id, ownerId: me.id });
    for (const l of on) links.push({ workspaceId, activityId: id, ...l, occurredAt: row.occurredAt! });
  };

  for (const contact of contacts) {
    const vars = {
      first: contact.first,
      name: contact.name,
      company: contact.company ?? 'their team',
      quarter: `Q${r.int(1, 4)}`,
      month: r.pick(c.months),
    };
    const on = [
      { entityType: 'contact', entityId: contact.id },
      ...(contact.company_id && r.chance(0.5) ? [{ entityType: 'company', entityId: contact.company_id }] : []),
    ];
    for (
      let n = r.weighted([
        [0, 2],
        [1, 3],
        [2, 3],
        [4, 2],
        [7, 1],
      ] as const);
      n > 0;
      n--
    ) {
      const when = at(r.int(0, twoYears * 24) / 24);
      const type = r.weighted([
        ['note', 3],
        ['call', 4],
        ['email', 3],
        ['meeting', 1],
      ] as const);
      if (type === 'note') add({ type, body: c.fill(r.pick(c.notes), vars), occurredAt: when, details: {} }, on);
      else if (type === 'call') add({ type, occurredAt: when, ...call(r, vars) }, on);
      else if (type === 'email') add({ type, occurredAt: when, ...email(r, vars, contact, me.email) }, on);
      else add({ type, occurredAt: when, ...meeting(r, vars, when, contact, me) }, on);
    }
    if (r.chance(0.3)) taskRows.push(task(r, vars, contact.id, now, todayStart, members, me.id, workspaceId));
  }
  for (const co of companies)
    if (r.chance(0.4))
      add(
        {
          type: 'note',
          body: c.fill(r.pick(c.notes), { first: 'The team', company: co.name, quarter: 'Q3', month: r.pick(c.months) }),
          occurredAt: at(r.int(0, twoYears)),
          details: {},
        },
        [{ entityType: 'company', entityId: co.id }],
      );

  await db.transaction(async (tx) => {
    for (let i = 0; i < acts.length; i += 500) await tx.insert(activities).values(acts.slice(i, i + 500));
    for (let i = 0; i < links.length; i += 1000) await tx.insert(activityLinks).values(links.slice(i, i + 1000));
    for (let i = 0; i < taskRows.length; i += 500) await tx.insert(tasks).values(taskRows.slice(i, i + 500));
    await tx.execute(sql`update contacts c set last_activity_at = x.m from (select entity_id, max(occurred_at) m from activity_links
        where workspace_id = ${workspaceId} and entity_type = 'contact' group by entity_id) x
      where c.workspace_id = ${workspaceId} and c.id = x.entity_id and (c.last_activity_at is null or c.last_activity_at < x.m)`);
    await tx.execute(sql`update companies co set last_activity_at = x.m from (
        select entity_id as id, max(occurred_at) m from activity_links where workspace_id = ${workspaceId} and entity_type = 'company' group by entity_id
        union all select company_id, max(last_activity_at) from contacts where workspace_id = ${workspaceId} and company_id is not null group by company_id) x
      where co.workspace_id = ${workspaceId} and co.id = x.id and x.m is not null and (co.last_activity_at is null or co.last_activity_at < x.m)`);
  });
}

type Vars = Record<string, string>;

function call(r: c.Prng, vars: Vars) {
  const outcome = r.weighted([
    ['connected', 45],
    ['left_voicemail', 25],
    ['no_answer', 20],
    ['busy', 5],
    ['wrong_number', 5],
  ] as const);
  const durationSeconds = {
    connected: r.int(120, 1800),
    left_voicemail: r.int(20, 60),
    no_answer: r.int(0, 30),
    busy: 0,
    wrong_number: r.int(5, 30),
  }[outcome];
  const direction = r.chance(0.75) ? 'outbound' : 'inbound';
  const body = outcome === 'connected' ? c.fill(r.pick(c.callNotes), vars) : '';
  return { subject: r.pick(c.callSubjects), body, details: { direction, durationSeconds, outcome } };
}

function email(r: c.Prng, vars: Vars, contact: Contact, myEmail: string) {
  const theirs = contact.email ?? `${contact.first.toLowerCase()}@example.com`;
  const inbound = r.chance(0.4);
  const details = {
    direction: inbound ? 'inbound' : 'outbound',
    from: inbound ? theirs : myEmail,
    to: [inbound ? myEmail : theirs],
    cc: [],
  };
  return { subject: c.fill(r.pick(c.emailSubjects), vars), body: c.fill(r.pick(c.emailBodies), vars), details };
}

function meeting(r: c.Prng, vars: Vars, startsAt: Date, contact: Contact, me: { email: string; name: string }) {
  const endsAt = new Date(startsAt.getTime() + r.pick([30, 45, 60, 90]) * 60_000);
  const attendees = [{ email: me.email, name: me.name }, ...(contact.email ? [{ email: contact.email, name: contact.name }] : [])];
  const details = {
    startsAt: startsAt.toISOString(),
    endsAt: endsAt.toISOString(),
    attendees,
    location: c.fill(r.pick(c.locations), vars),
  };
  return { subject: c.fill(r.pick(c.meetingSubjects), vars), body: c.fill(r.pick(c.meetingNotes), vars), details };
}

function task(
  r: c.Prng,
  vars: Vars,
  contactId: string,
  now: Date,
  todayStart: Date,
  members: { id: string }[],
  adminId: string,
  workspaceId: string,
): TaskRow {
  const when = r.weighted([
    ['overdue', 3],
    ['today', 2],
    ['upcoming', 4],
    ['none', 1],
    ['done', 2],
  ] as const);
  const hour = 3_600_000;
  const dueAt = {
    overdue: new Date(todayStart.getTime() - r.int(1, 10) * day + r.int(9, 17) * hour),
    today: new Date(todayStart.getTime() + r.int(9, 17) * hour),
    upcoming: new Date(todayStart.getTime() + r.int(1, 14) * day + r.int(9, 17) * hour),
    none: null,
    done: new Date(todayStart.getTime() - r.int(5, 300) * day + 12 * hour),
  }[when];
  const done = when === 'done';
  return {
    workspaceId,
    title: c.fill(r.pick(c.taskTitles), vars),
    dueAt,
    priority: r.weighted([
      ['low', 1],
      ['normal', 3],
      ['high', 1],
    ] as const),
    assigneeId: r.chance(0.7) || members.length < 2 ? adminId : r.pick(members).id,
    status: done ? 'completed' : 'open',
    completedAt: done ? dueAt : null,
    completedBy: done ? adminId : null,
    reminderAt: when === 'upcoming' && r.chance(0.3) ? new Date(dueAt!.getTime() - hour) : null,
    entityType: 'contact',
    entityId: contactId,
    createdBy: adminId,
    createdAt: done ? new Date(dueAt!.getTime() - 3 * day) : new Date(Math.min(now.getTime(), (dueAt ?? now).getTime() - 2 * day)),
  };
}
