import type { z } from 'zod';
import type { routingTypes } from '../../../../src/modules/routing/index.ts';
import type { Wire } from '../../lib/api/index.ts';

type T = typeof routingTypes;
type Out<S extends z.ZodType> = Wire<z.output<S>>;

export type RoutingSettings = Out<T['routingSettingsSchema']>;
export type RoutingSettingsBody = z.input<T['updateRoutingSettingsBody']>;
export type RoutingRule = Out<T['ruleSchema']>;
export type RuleBody = z.input<T['ruleBody']>;
export type RoutingPreview = Out<T['previewSchema']>;
export type QueuePage = Out<T['queuePage']>;
export type QueueItem = Out<T['queueItemSchema']>;
export type ResponseTimes = Out<T['responseTimesSchema']>;
export type BusinessWindow = RoutingSettings['businessHours'][number];
export type Strategy = RoutingRule['strategy'];

export const strategyLabels: Record<Strategy, string> = {
  round_robin: 'Round robin in a team',
  least_loaded: 'Least loaded in a team',
  owner: 'A specific owner',
};

/** Business minutes as "1 h 20 min". */
export function formatMinutes(m: number | null | undefined): string {
  if (m === null || m === undefined) return '—';
  const mins = Math.round(m);
  if (mins < 60) return `${mins} min`;
  const h = Math.floor(mins / 60);
  const rest = mins % 60;
  return rest ? `${h} h ${rest} min` : `${h} h`;
}
