import type { CampaignChannel, CampaignGoals, CampaignStatus } from '../schema.ts';

export interface Campaign {
  id: string;
  name: string;
  slug: string;
  channel: CampaignChannel;
  status: CampaignStatus;
  ownerId: string | null;
  ownerName: string | null;
  description: string | null;
  startDate: string | null;
  endDate: string | null;
  budgetAmount: number | null;
  budgetCurrency: string;
  goals: CampaignGoals;
  createdAt: Date;
  updatedAt: Date;
}

/** SQL columns of a campaign as `c`, with its owner's name (join users as `u`). */
export const campaignColumns = `c.id, c.name, c.slug, c.channel, c.status, c.owner_id, u.name as owner_name, c.description,
  c.start_date::text as start_date, c.end_date::text as end_date, c.budget_amount, c.budget_currency, c.goals, c.created_at, c.updated_at`;

export const toCampaign = (r: Record<string, unknown>): Campaign => ({
  id: r.id as string,
  name: r.name as string,
  slug: r.slug as string,
  channel: r.channel as CampaignChannel,
  status: r.status as CampaignStatus,
  ownerId: (r.owner_id as string | null) ?? null,
  ownerName: (r.owner_name as string | null) ?? null,
  description: (r.description as string | null) ?? null,
  startDate: (r.start_date as string | null) ?? null,
  endDate: (r.end_date as string | null) ?? null,
  budgetAmount: r.budget_amount === null || r.budget_amount === undefined ? null : Number(r.budget_amount),
  budgetCurrency: r.budget_currency as string,
  goals: (r.goals as CampaignGoals) ?? {},
  createdAt: new Date(r.created_at as string),
  updatedAt: new Date(r.updated_at as string),
});
