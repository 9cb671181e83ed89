export const channels = [
  'email',
  'paid_search',
  'paid_social',
  'organic_social',
  'content_seo',
  'events',
  'partner',
  'direct_mail',
  'other',
] as const;
export type Channel = (typeof channels)[number];
export const statuses = ['planned', 'active', 'paused', 'completed', 'cancelled'] as const;
export type CampaignStatus = (typeof statuses)[number];
export const models = ['first_touch', 'last_touch', 'linear', 'u_shaped', 'w_shaped', 'time_decay'] as const;
export type Model = (typeof models)[number];

export interface Goals {
  leads?: number;
  mqls?: number;
  sqls?: number;
  customers?: number;
  revenue?: number;
}

export interface Campaign {
  id: string;
  name: string;
  slug: string;
  channel: Channel;
  status: CampaignStatus;
  ownerId: string | null;
  ownerName: string | null;
  description: string | null;
  startDate: string | null;
  endDate: string | null;
  budgetAmount: number | null;
  budgetCurrency: string;
  goals: Goals;
  createdAt: string;
  updatedAt: string;
}

export interface CampaignListItem extends Campaign {
  spend: number;
  budgetConverted: number | null;
  leads: number;
  revenue: number;
  roi: number | null;
}

export interface CampaignBody {
  name?: string;
  slug?: string;
  channel?: Channel;
  status?: CampaignStatus;
  ownerId?: string | null;
  description?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  budgetAmount?: number | null;
  budgetCurrency?: string;
  goals?: Goals;
}

export interface Spend {
  id: string;
  campaignId: string;
  spentOn: string;
  amount: number;
  currency: string;
  note: string | null;
  converted: number | null;
}

export interface UtmLink {
  id: string;
  baseUrl: string;
  source: string;
  medium: string;
  content: string | null;
  term: string | null;
  url: string;
  createdAt: string;
}

export interface Asset {
  assetType: string;
  assetId: string;
  label: string | null;
  url: string | null;
  createdAt: string;
}

export interface Touchpoint {
  id: string;
  contactId: string;
  contactName: string | null;
  kind: 'visit' | 'form_submit' | 'email_click' | 'event_attended' | 'manual' | 'deal_source';
  occurredAt: string;
  note: string | null;
}

export interface AttributionRow {
  key: string;
  label: string;
  channel: Channel | null;
  leads: number;
  mqls: number;
  sqls: number;
  customers: number;
  touchpoints: number;
  revenue: number;
  revenueByModel: Record<Model, number>;
  spend: number;
  costPerLead: number | null;
  roi: number | null;
  roiByModel: Record<Model, number | null>;
  roiNote: string | null;
}

export interface Attribution {
  model: Model;
  currency: string;
  from: string | null;
  to: string | null;
  groupBy: 'campaign' | 'channel';
  rows: AttributionRow[];
  totals: { revenue: number; spend: number; wonDeals: number; wonWithoutTouches: number };
  unconverted: { currency: string; day: string; what: 'deal' | 'spend' }[];
}
