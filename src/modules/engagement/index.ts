import { defineSchedule } from '../../kernel/jobs/index.ts';
import { maintainEventPartitionsJob } from './jobs/maintain-partitions-job.ts';

/**
 * Engagement: the append-only log of what contacts and anonymous visitors did (contact_events, partitioned by
 * month). Tracking, forms and email write it; segments, attribution and reports read it.
 */
export { type ContactEventKind, contactEventKinds } from './event-kinds.ts';
export { maintainEventPartitionsJob } from './jobs/maintain-partitions-job.ts';
export { dropExpiredEventPartitions, ensureEventPartitions } from './use-cases/partitions.ts';
export {
  type BehaviourHook,
  behaviourChanged,
  type ContactEventInput,
  identifyVisitor,
  onBehaviourRecorded,
  onVisitorIdentified,
  recordContactEvents,
} from './use-cases/record-contact-events.ts';

defineSchedule({
  name: 'engagement.maintain_partitions',
  cron: '23 2 * * *',
  job: maintainEventPartitionsJob,
  payload: { retentionMonths: 25 },
});
