import type { z } from 'zod';
import type { analyticsTypes } from '../../../../src/modules/analytics/index.ts';
import type { Wire } from '../../lib/api/types.ts';

// The same zod schemas the server answers with (type-only import, nothing is bundled).
type T = typeof analyticsTypes;
type Out<S extends z.ZodType> = Wire<z.output<S>>;

export type KpiBoard = Out<T['boardSchema']>;
export type KpiTile = KpiBoard['kpis'][number];
export type KpiUnit = KpiTile['unit'];
export type KpiRecords = Out<T['recordsSchema']>;
export type KpiSettings = Out<T['settingsSchema']>;
export type SalesCost = Out<T['salesCostSchema']>;
export type MarketSize = Out<T['marketSizeSchema']>;

export const salesCostCategories = ['salaries', 'commissions', 'tools', 'travel', 'agencies', 'other'] as const;

export type Funnel = Out<T['funnelSchema']>;
export type FunnelStageRow = Funnel['stages'][number];
export type FunnelStage = FunnelStageRow['stage'];
export type DropOffPage = Out<T['dropOffSchema']>;
export type Cohorts = Out<T['cohortsSchema']>;
export type SalesPerformance = Out<T['salesPerformanceSchema']>;
export type PerformanceRow = SalesPerformance['reps'][number];
export type MarketingPerformance = Out<T['marketingPerformanceSchema']>;
export type MarketingRow = MarketingPerformance['campaigns'][number];
