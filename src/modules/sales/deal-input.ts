import type { DealContactRole, ForecastCategory } from './schema.ts';

export interface DealContactInput {
  contactId: string;
  role?: DealContactRole | null;
}

/** What a caller may set on a deal; on update every key is optional and lists replace the old ones. */
export interface DealInput {
  name: string;
  pipelineId?: string;
  stageId?: string;
  /** Minor units of `currency`. */
  amount?: number | null;
  currency?: string;
  closeDate?: string | null;
  ownerId?: string | null;
  companyId?: string | null;
  contacts?: DealContactInput[];
  source?: string | null;
  campaignId?: string | null;
  competitors?: string[];
  nextStep?: string | null;
  forecastCategory?: ForecastCategory;
  lossReason?: string | null;
  lostTo?: string | null;
  tags?: string[];
  custom?: Record<string, unknown>;
}

/** Trimmed text or null. */
export const textOrNull = (v: string | null | undefined) => (v == null ? null : v.trim() || null);

/** Trimmed, de-duplicated competitor names. */
export function cleanList(list: string[] | undefined): string[] | undefined {
  if (!list) return undefined;
  const seen = new Map<string, string>();
  for (const x of list.map((s) => s.trim()).filter(Boolean)) if (!seen.has(x.toLowerCase())) seen.set(x.toLowerCase(), x);
  return [...seen.values()];
}
