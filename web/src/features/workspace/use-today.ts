import { dayIn } from '../../lib/days.ts';
import { useMe } from '../auth/use-me.ts';

/** Today (`YYYY-MM-DD`) in the workspace's time zone, the zone its reports count days in. */
export function useToday(): string {
  return dayIn(new Date(), useMe().workspace.timezone);
}
