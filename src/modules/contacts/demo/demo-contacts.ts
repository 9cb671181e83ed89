import { newId } from '../../../kernel/db/index.ts';
import { type LifecycleStage, lifecycleStages } from '../schema.ts';
import type { DemoCompany } from './demo-companies.ts';
import { contactTags, countries, firstNames, freeMail, lastNames, sources, titles } from './demo-names.ts';
import type { Random } from './prng.ts';

const DAY = 86_400_000;
const path = lifecycleStages.slice(0, 7) as readonly LifecycleStage[];
const finalStages = [
  ['subscriber', 20],
  ['lead', 25],
  ['marketing_qualified', 14],
  ['sales_qualified', 10],
  ['opportunity', 8],
  ['customer', 16],
  ['evangelist', 3],
  ['other', 4],
] as const;
const unqualifiedReasons = ['No budget this year', 'Wrong contact', 'Went with a competitor', 'Student / researcher', 'Too small'];
const ascii = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();

/** Everything one demo contact writes: its row and the rows of its emails, phone, company link, history and consent. */
export interface DemoContact {
  row: Record<string, unknown> & { id: string; createdAt: Date };
  email: string;
  phone: string | null;
  companyId: string | null;
  history: {
    fromStage: LifecycleStage | null;
    toStage: LifecycleStage;
    changedAt: Date;
    actorType: string;
    actorId: string | null;
    rule: string | null;
  }[];
  consent: { status: string; recordedAt: Date } | null;
}

/** `count` contacts spread over the companies (bigger ones get more), some on free-mail without a company. */
export function buildContacts(
  rand: Random,
  workspaceId: string,
  companies: DemoCompany[],
  ownerIds: string[],
  count: number,
  now: number,
): DemoContact[] {
  const weights = companies.map((c) => [c, Math.log2(c.employeeCount + 2)] as const);
  const used = new Set<string>();
  const out: DemoContact[] = [];
  for (let i = 0; i < count; i++) {
    const company = rand.chance(0.12) ? null : rand.weighted(weights);
    const [first, last] = [rand.pick(firstNames), rand.pick(lastNames)];
    const domain = company?.domain ?? rand.pick(freeMail);
    let local = company ? `${ascii(first)}.${ascii(last)}` : `${ascii(first)}${ascii(last)}${rand.int(1, 99)}`;
    while (used.has(`${local}@${domain}`)) local += rand.int(0, 9);
    const email = `${local}@${domain}`;
    used.add(email);
    const country = countries.find((c) => c.code === company?.country) ?? rand.pick(countries);
    const start = Math.max(company?.createdAt.getTime() ?? 0, now - 730 * DAY);
    // More in recent months, as a growing business's contacts are: half spread evenly, half skewed to recent months,
    // so the last quarter gets about three times as many new contacts as the first.
    const created = new Date(start + (now - DAY - start) * (rand.chance(0.5) ? rand.next() : Math.sqrt(rand.next())));
    const ownerId = company && rand.chance(0.8) ? company.ownerId : rand.pick(ownerIds);
    const history = stageHistory(rand, rand.weighted(finalStages), created, now, ownerId);
    // Where the journey has got to by now (a recent contact may still be on its way to the stage it will reach).
    const final = history[history.length - 1]!.toStage as LifecycleStage;
    // About one customer in three leaves later (back to "other"), so retention, churn and lifetime value have figures.
    const churns = final === 'customer' && rand.chance(0.35);
    if (churns) churn(rand, history, now, ownerId);
    const stage = history[history.length - 1]!;
    const inFunnel = final === 'lead' || final === 'marketing_qualified' || final === 'sales_qualified';
    const leadStatus = inFunnel
      ? rand.weighted([
          ['new', 25],
          ['attempting', 25],
          ['connected', 25],
          ['qualified', 15],
          ['unqualified', 10],
        ] as const)
      : null;
    const source = rand.weighted(sources);
    const touch = {
      source,
      medium: source.includes('search') ? (source === 'paid_search' ? 'cpc' : 'organic') : 'referral',
      campaign: rand.pick(['spring-launch', 'webinar-series', 'brand', 'retargeting']),
      at: created.toISOString(),
    };
    const consentStatus = rand.weighted([
      ['subscribed', 55],
      ['unsubscribed', 5],
      ['not_set', 40],
    ] as const);
    const level = rand.weighted([
      ['exec', 10],
      ['vp', 15],
      ['head', 25],
      ['ic', 50],
    ] as const);
    out.push({
      row: {
        id: newId(),
        workspaceId,
        firstName: first,
        lastName: last,
        displayName: `${first} ${last}`,
        email,
        phone: null,
        title: company ? rand.pick(titles[level]) : null,
        ownerId,
        companyId: company?.id ?? null,
        lifecycleStage: stage.toStage,
        lifecycleChangedAt: stage.changedAt,
        leadStatus,
        leadStatusReason: leadStatus === 'unqualified' ? rand.pick(unqualifiedReasons) : null,
        source,
        firstTouch: touch,
        lastTouch: touch,
        emailConsent: consentStatus,
        doNotContact: rand.chance(0.02),
        tags: rand.chance(0.5) ? rand.some(contactTags, rand.int(1, 2)) : [],
        custom: {
          preferred_language: { DE: 'de', FR: 'fr', ES: 'es', NL: 'nl', SE: 'sv' }[country.code as string] ?? 'en',
          ...(final === 'customer' || final === 'evangelist' ? { nps_score: churns ? rand.int(0, 6) : rand.int(5, 10) } : {}),
        },
        createdAt: created,
        updatedAt: stage.changedAt,
      },
      email,
      phone: rand.chance(0.8) ? country.phone(i) : null,
      companyId: company?.id ?? null,
      history,
      consent: consentStatus === 'not_set' ? null : { status: consentStatus, recordedAt: new Date(created.getTime() + DAY) },
    });
  }
  return out;
}

/**
 * The stages a contact goes through towards `aim`: each step takes 2 to 40 days, as a buyer's journey does (a
 * customer about two to four months after first contact). Stages still in the future are left out: a contact created
 * last week is a lead or an MQL today, not yet the customer it may become.
 */
function stageHistory(rand: Random, aim: LifecycleStage, created: Date, now: number, ownerId: string): DemoContact['history'] {
  const stages: LifecycleStage[] = aim === 'other' ? ['other'] : path.slice(rand.chance(0.6) ? 0 : 1, path.indexOf(aim) + 1);
  if (!stages.length) stages.push(aim);
  let at = created.getTime();
  const times = stages.map((_, i) => (at += i === 0 ? 0 : rand.int(2 * DAY, 40 * DAY)));
  const reached = Math.max(1, times.filter((t) => t <= now - DAY).length);
  return stages.slice(0, reached).map((to, i) => {
    const rule =
      i === 0 ? 'form_submitted' : to === 'customer' ? 'deal_won' : to === 'marketing_qualified' && rand.chance(0.5) ? 'lead_score' : null;
    return {
      fromStage: i === 0 ? null : stages[i - 1]!,
      toStage: to,
      changedAt: new Date(times[i]!),
      actorType: rule ? 'rule' : 'user',
      actorId: rule ? null : ownerId,
      rule,
    };
  });
}

/** A customer who left: 1 to 12 months after becoming one, if that is already past (otherwise they are still a customer). */
function churn(rand: Random, history: DemoContact['history'], now: number, ownerId: string) {
  const became = history[history.length - 1]!;
  const at = became.changedAt.getTime() + rand.int(30, 365) * DAY + rand.int(0, DAY - 1);
  if (at > now - DAY) return;
  history.push({ fromStage: 'customer', toStage: 'other', changedAt: new Date(at), actorType: 'user', actorId: ownerId, rule: null });
}
