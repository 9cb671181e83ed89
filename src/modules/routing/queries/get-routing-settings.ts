import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { type Executor, rows } from '../../../kernel/db/index.ts';
import { type BusinessHours, type BusinessWindow, weekdayNineToFive } from '../business-hours.ts';

export interface RoutingSettings {
  enabled: boolean;
  fallbackOwnerId: string | null;
  slaMinutes: number;
  /** The workspace time zone: business hours are read in it. */
  timezone: string;
  businessHours: BusinessWindow[];
  holidays: string[];
  followUpDays: number | null;
  digestHour: number;
  lastDigestDate: string | null;
}

interface Row {
  enabled: boolean | null;
  fallback_owner_id: string | null;
  sla_minutes: number | null;
  business_hours: BusinessWindow[] | null;
  holidays: string[] | null;
  follow_up_days: number | null;
  digest_hour: number | null;
  last_digest_date: string | null;
  timezone: string;
}

/** A workspace's routing settings, with the defaults (routing off, 1 business hour, Mon–Fri 9–17) when none are saved. */
export async function loadRoutingSettings(exec: Executor, workspaceId: string): Promise<RoutingSettings> {
  const [r] = await rows<Row>(
    exec,
    sql`select s.enabled, s.fallback_owner_id, s.sla_minutes, s.business_hours, s.holidays, s.follow_up_days, s.digest_hour,
               s.last_digest_date, w.timezone
        from workspaces w left join routing_settings s on s.workspace_id = w.id
        where w.id = ${workspaceId}`,
  );
  return {
    enabled: r?.enabled ?? false,
    fallbackOwnerId: r?.fallback_owner_id ?? null,
    slaMinutes: r?.sla_minutes ?? 60,
    timezone: r?.timezone ?? 'UTC',
    businessHours: r?.business_hours ?? weekdayNineToFive,
    holidays: r?.holidays ?? [],
    followUpDays: r?.follow_up_days ?? null,
    digestHour: r?.digest_hour ?? 8,
    lastDigestDate: r?.last_digest_date ?? null,
  };
}

/** The caller's workspace routing settings. */
export const getRoutingSettings = (ctx: Ctx) => loadRoutingSettings(ctx.db, ctx.workspaceId);

/** The SLA calendar of a workspace's settings. */
export const calendarOf = (s: RoutingSettings): BusinessHours => ({ timezone: s.timezone, windows: s.businessHours, holidays: s.holidays });
