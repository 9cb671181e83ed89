import { newId } from '../../../kernel/db/columns.ts';
import type { Random } from '../../contacts/index.ts';
import type { Pipeline } from '../queries/get-pipelines.ts';
import type { dealContacts, dealStageHistory, deals, ForecastCategory } from '../schema.ts';

const day = 86_400_000;
const sources = [
  ['website', 5],
  ['referral', 3],
  ['outbound', 4],
  ['event', 2],
  ['partner', 2],
] as const;
const competitors = ['Salesforce', 'HubSpot', 'Pipedrive', 'Zoho', 'Close'];
const lossReasons = ['Price', 'Missing feature', 'Chose a competitor', 'No budget', 'No decision', 'Timing'];
const roles = ['decision_maker', 'champion', 'influencer', 'user', 'blocker'] as const;
const nextSteps = ['Send proposal', 'Book demo with the team', 'Security review call', 'Follow up on pricing', 'Intro to finance'];
const products = ['Platform', 'Analytics add-on', 'Onboarding', 'Enterprise plan', 'Expansion seats'];

export interface DemoAccount {
  companyId: string;
  companyName: string;
  ownerId: string | null;
  contactIds: string[];
}

export interface DemoDeals {
  deals: (typeof deals.$inferInsert)[];
  contacts: (typeof dealContacts.$inferInsert)[];
  history: (typeof dealStageHistory.$inferInsert)[];
}

const forecastOf = (probability: number): ForecastCategory => (probability >= 75 ? 'commit' : probability >= 50 ? 'best_case' : 'pipeline');
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * Deals over two years with stage histories that walk the pipeline: older deals mostly closed (won
 * or lost at some stage), recent ones still open; a few open ones left to rot. Amounts in USD, EUR or GBP.
 */
export function buildDemoDeals(
  rand: Random,
  workspaceId: string,
  pipeline: Pipeline,
  accounts: DemoAccount[],
  count: number,
  fallbackOwner: string,
  now: number,
): DemoDeals {
  const open = pipeline.stages.filter((s) => s.type === 'open');
  const won = pipeline.stages.find((s) => s.type === 'won')!;
  const lost = pipeline.stages.find((s) => s.type === 'lost')!;
  const out: DemoDeals = { deals: [], contacts: [], history: [] };
  for (let i = 0; i < count; i++) {
    const account = rand.pick(accounts);
    const ownerId = account.ownerId ?? fallbackOwner;
    const id = newId();
    const ageDays = Math.floor(rand.next() ** 1.3 * 720) + 1;
    const createdAt = now - ageDays * day - rand.int(0, day - 1);
    // How far the deal got, and how it ended: old deals are closed, recent ones mostly open.
    const reach = rand.int(0, open.length - 1);
    const closes = ageDays > 45 ? rand.chance(0.93) : rand.chance(0.15);
    const outcome = !closes ? null : rand.chance(0.2 + reach * 0.15) ? won : lost;
    const path = [...open.slice(0, reach + 1), ...(outcome ? [outcome] : [])];
    let at = createdAt;
    const visits = path.map((stage, j) => {
      const enteredAt = at;
      at += (rand.int(1, 20) + (j === 0 ? 2 : 0)) * day + rand.int(0, day - 1);
      return { stage, enteredAt };
    });
    // Nothing may happen in the future: squeeze the walk into the deal's age.
    const span = visits[visits.length - 1]!.enteredAt - createdAt;
    const room = now - createdAt - day;
    const scale = span > room ? room / span : 1;
    for (const v of visits) v.enteredAt = createdAt + (v.enteredAt - createdAt) * scale;
    visits.forEach((v, j) => {
      out.history.push({
        workspaceId,
        dealId: id,
        pipelineId: pipeline.id,
        stageId: v.stage.id,
        fromStageId: j ? visits[j - 1]!.stage.id : null,
        enteredAt: new Date(v.enteredAt),
        leftAt: visits[j + 1] ? new Date(visits[j + 1]!.enteredAt) : null,
        actorType: 'user',
        actorId: ownerId,
      });
    });
    const last = visits[visits.length - 1]!;
    const currency = rand.weighted([
      ['USD', 75],
      ['EUR', 15],
      ['GBP', 10],
    ] as const);
    const amount = Math.round((2_000 + rand.next() ** 2.2 * 150_000) / 50) * 50 * 100;
    const closedAt = outcome ? new Date(last.enteredAt) : null;
    const lostTo = outcome === lost && rand.chance(0.5) ? rand.pick(competitors) : null;
    const closeDate = closedAt ? iso(closedAt.getTime()) : iso(now + rand.int(-10, 90) * day);
    out.deals.push({
      id,
      workspaceId,
      name: `${account.companyName} – ${rand.pick(products)}`,
      pipelineId: pipeline.id,
      stageId: last.stage.id,
      status: last.stage.type,
      amount: rand.chance(0.05) && !outcome ? null : amount,
      currency,
      closeDate,
      ownerId,
      companyId: account.companyId,
      source: rand.weighted(sources),
      competitors: [...new Set([...rand.some(competitors, rand.int(0, 2)), ...(lostTo ? [lostTo] : [])])],
      nextStep: outcome ? null : rand.pick(nextSteps),
      forecastCategory: outcome === won ? 'closed' : outcome ? 'omitted' : forecastOf(last.stage.probability),
      lossReason: outcome === lost ? rand.pick(lossReasons) : null,
      lostTo,
      tags: rand.chance(0.2) ? ['priority'] : [],
      custom: {},
      stageEnteredAt: new Date(last.enteredAt),
      closedAt,
      lastActivityAt: rand.chance(0.6) ? new Date(Math.min(now, last.enteredAt + rand.int(0, 10) * day)) : null,
      createdAt: new Date(createdAt),
      updatedAt: new Date(last.enteredAt),
    });
    for (const [k, contactId] of rand.some(account.contactIds, rand.int(1, 3)).entries())
      out.contacts.push({
        workspaceId,
        dealId: id,
        contactId,
        role: k === 0 ? 'decision_maker' : rand.pick(roles),
        createdAt: new Date(createdAt),
      });
  }
  return out;
}
