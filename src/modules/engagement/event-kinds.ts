/**
 * The kinds of behaviour Tandem records. Producers: tracking (page_view, custom), forms (form_submit),
 * email (email_* and unsubscribe), events/webinars (event_attended). Segments read them by kind.
 */
export const contactEventKinds = [
  'page_view',
  'custom',
  'form_submit',
  'email_sent',
  'email_delivered',
  'email_open',
  'email_click',
  'email_bounce',
  'email_complaint',
  'unsubscribe',
  'event_attended',
] as const;
export type ContactEventKind = (typeof contactEventKinds)[number];
