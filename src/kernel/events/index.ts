export { type EventInput, emitEvent, fanOutJob } from './emit-event.ts';
export { type EventTypeInfo, knownEventTypes, matchesEventType, registerEventTypes } from './event-types.ts';
export { fanOutEvent, loadEvent } from './fan-out.ts';
export { eventRoutes } from './http/index.ts';
export { outboxEvents, webhookDeliveries, webhookSubscriptions } from './schema.ts';
export { type OutboxEvent, type Subscriber, subscribe, subscriberJob } from './subscribers.ts';
export * from './webhooks/index.ts';
