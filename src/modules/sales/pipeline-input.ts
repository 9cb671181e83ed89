import { AppError } from '../../kernel/errors.ts';
import type { StageType } from './schema.ts';

export interface StageInput {
  /** An existing stage's id keeps it (and its deals); without one a stage is added. */
  id?: string;
  name: string;
  probability?: number;
  type?: StageType;
  requiredFields?: string[];
  rottingDays?: number | null;
}

export interface PipelineInput {
  name: string;
  rottingDays?: number | null;
  stages?: StageInput[];
}

/** Deal fields a stage can require besides `custom.<key>`; `contacts` means at least one contact. */
export const requirableFields = [
  'amount',
  'close_date',
  'owner_id',
  'company_id',
  'contacts',
  'source',
  'campaign_id',
  'competitors',
  'next_step',
  'forecast_category',
  'loss_reason',
] as const;

/** The stages a new pipeline gets when none are given. */
export const defaultStages: StageInput[] = [
  { name: 'Qualification', probability: 10 },
  { name: 'Discovery', probability: 25 },
  { name: 'Proposal', probability: 50, requiredFields: ['amount', 'close_date'] },
  { name: 'Negotiation', probability: 75, requiredFields: ['amount', 'close_date'] },
  { name: 'Won', probability: 100, type: 'won' },
  { name: 'Lost', probability: 0, type: 'lost', requiredFields: ['loss_reason'] },
];

export interface CleanStage extends Required<Omit<StageInput, 'id'>> {
  id?: string;
}

/**
 * Checks a stage list: names present and distinct, probabilities 0–100 (won defaults to 100, lost
 * to 0), at least one open stage and at most one won and one lost stage, required fields known.
 */
export function cleanStages(stages: StageInput[], customKeys: Set<string>, path: (string | number)[]): CleanStage[] {
  if (!stages.length) throw new AppError('validation_failed', 'A pipeline needs at least one stage.', { path });
  const seen = new Set<string>();
  const out = stages.map((s, i): CleanStage => {
    const at = [...path, i];
    const name = s.name.trim();
    if (!name) throw new AppError('validation_failed', 'Give every stage a name.', { path: [...at, 'name'] });
    if (seen.has(name.toLowerCase()))
      throw new AppError('validation_failed', `Two stages are called "${name}"; stage names must differ.`, { path: [...at, 'name'] });
    seen.add(name.toLowerCase());
    const type = s.type ?? 'open';
    const required = [...new Set(s.requiredFields ?? [])];
    required.forEach((f, j) => {
      const ok = (requirableFields as readonly string[]).includes(f) || (f.startsWith('custom.') && customKeys.has(f.slice(7)));
      if (!ok)
        throw new AppError(
          'validation_failed',
          `"${f}" cannot be required: use ${requirableFields.join(', ')} or custom.<key> of a deal custom field.`,
          { path: [...at, 'requiredFields', j] },
        );
    });
    return {
      ...(s.id && { id: s.id }),
      name,
      type,
      probability: s.probability ?? (type === 'won' ? 100 : type === 'lost' ? 0 : 10),
      requiredFields: required,
      rottingDays: s.rottingDays ?? null,
    };
  });
  if (!out.some((s) => s.type === 'open')) throw new AppError('validation_failed', 'A pipeline needs at least one open stage.', { path });
  for (const type of ['won', 'lost'] as const)
    if (out.filter((s) => s.type === type).length > 1)
      throw new AppError('validation_failed', `A pipeline has at most one ${type} stage.`, { path });
  return out;
}
