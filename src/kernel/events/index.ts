export { emitEvent, fanOutJob, type EventInput } from './emit-event.ts';
export { subscribe, subscriberJob, onEventForWebhooks, type OutboxEvent, type Subscriber } from './subscribers.ts';
export { loadEvent, fanOutEvent } from './fan-out.ts';
export { outboxEvents, webhookSubscriptions, webhookDeliveries } from './schema.ts';
