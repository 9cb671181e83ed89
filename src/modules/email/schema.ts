import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, real, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { baseColumns, ts } from '../../kernel/db/columns.ts';

/** An SMTP relay. The password is encrypted at rest (AES-256-GCM under the instance key) and never returned. */
export const emailTransports = pgTable(
  'email_transports',
  {
    ...baseColumns(),
    name: text('name').notNull(),
    host: text('host').notNull(),
    port: integer('port').notNull(),
    /** Implicit TLS (smtps, usually 465); otherwise STARTTLS when the server offers it. */
    secure: boolean('secure').notNull().default(false),
    username: text('username'),
    passwordEnc: text('password_enc'),
    /** Pooled SMTP connections (parallel sends). */
    concurrency: integer('concurrency').notNull().default(5),
    /** Messages per second across the pool; null = as fast as the relay takes them. */
    perSecond: integer('per_second'),
    /** Rolling caps, counted from email_messages.sent_at in the last hour / 24 hours. */
    hourlyCap: integer('hourly_cap'),
    dailyCap: integer('daily_cap'),
    isDefault: boolean('is_default').notNull().default(false),
  },
  (t) => [index('email_transports_ws_idx').on(t.workspaceId)],
);

/** A From identity: name, address, reply-to and the postal address the footer must show (CAN-SPAM). */
export const emailSenders = pgTable(
  'email_senders',
  {
    ...baseColumns(),
    fromName: text('from_name').notNull(),
    fromEmail: text('from_email').notNull(),
    replyTo: text('reply_to'),
    postalAddress: text('postal_address').notNull().default(''),
    /** Null: the workspace's default transport, else the outbox. */
    transportId: uuid('transport_id'),
    isDefault: boolean('is_default').notNull().default(false),
  },
  (t) => [index('email_senders_ws_idx').on(t.workspaceId)],
);

/** A sending domain with its DKIM key pair (private key encrypted at rest). */
export const emailDomains = pgTable(
  'email_domains',
  {
    ...baseColumns(),
    domain: text('domain').notNull(),
    selector: text('selector').notNull(),
    privateKeyEnc: text('private_key_enc').notNull(),
    publicKey: text('public_key').notNull(),
  },
  (t) => [uniqueIndex('email_domains_ws_domain_idx').on(t.workspaceId, t.domain)],
);

export const templateFormats = ['mjml', 'html'] as const;
export type TemplateFormat = (typeof templateFormats)[number];

/** A template; its content lives in versions (each save adds one; sends point to the version they used). */
export const emailTemplates = pgTable(
  'email_templates',
  {
    ...baseColumns(),
    name: text('name').notNull(),
    currentVersion: integer('current_version').notNull().default(1),
    archivedAt: ts('archived_at'),
  },
  (t) => [index('email_templates_ws_idx').on(t.workspaceId, t.name)],
);

export const emailTemplateVersions = pgTable(
  'email_template_versions',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    templateId: uuid('template_id').notNull(),
    version: integer('version').notNull(),
    format: text('format').$type<TemplateFormat>().notNull(),
    subject: text('subject').notNull(),
    preheader: text('preheader').notNull().default(''),
    body: text('body').notNull(),
    createdBy: text('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('email_template_versions_idx').on(t.workspaceId, t.templateId, t.version)],
);

/** What a contact can opt out of separately (newsletter, product updates…); each has its List-Id. */
export const emailSubscriptionTypes = pgTable(
  'email_subscription_types',
  {
    ...baseColumns(),
    key: text('key').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
  },
  (t) => [uniqueIndex('email_subscription_types_key_idx').on(t.workspaceId, t.key)],
);

/** A contact's opt-out of one subscription type (the preference centre writes these). */
export const emailOptOuts = pgTable(
  'email_opt_outs',
  {
    workspaceId: uuid('workspace_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    typeId: uuid('type_id').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.contactId, t.typeId] })],
);

export const suppressionReasons = ['unsubscribed', 'hard_bounce', 'soft_bounces', 'complaint', 'manual'] as const;
export type SuppressionReason = (typeof suppressionReasons)[number];

/**
 * Addresses no marketing mail goes to. Erased people are in contacts' hashed `suppressions` table, which every
 * send checks as well.
 */
export const emailSuppressions = pgTable(
  'email_suppressions',
  {
    workspaceId: uuid('workspace_id').notNull(),
    /** Lower-cased address. */
    email: text('email').notNull(),
    reason: text('reason').$type<SuppressionReason>().notNull(),
    detail: text('detail').notNull().default(''),
    contactId: uuid('contact_id'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.email] })],
);

export const broadcastStatuses = ['draft', 'scheduled', 'sending', 'testing', 'paused', 'sent', 'cancelled'] as const;
export type BroadcastStatus = (typeof broadcastStatuses)[number];

export type Audience = { kind: 'filter'; filter: unknown } | { kind: 'segment'; segmentId: string } | { kind: 'list'; listId: string };

export const emailBroadcasts = pgTable(
  'email_broadcasts',
  {
    ...baseColumns(),
    name: text('name').notNull(),
    senderId: uuid('sender_id').notNull(),
    subscriptionTypeId: uuid('subscription_type_id'),
    campaignId: uuid('campaign_id'),
    audience: jsonb('audience').$type<Audience>().notNull(),
    status: text('status').$type<BroadcastStatus>().notNull().default('draft'),
    scheduledAt: ts('scheduled_at'),
    startedAt: ts('started_at'),
    finishedAt: ts('finished_at'),
    /** A/B: share of the audience (0–1) split across the variants first; the rest gets the winner. 0 or 1 variant = no test. */
    testFraction: real('test_fraction').notNull().default(0),
    winnerMetric: text('winner_metric').$type<'open' | 'click'>().notNull().default('open'),
    winnerAfterHours: real('winner_after_hours').notNull().default(4),
    winnerVariantId: uuid('winner_variant_id'),
    /** Recipients were written to email_messages (the audience is read once, at start). */
    recipientsReady: boolean('recipients_ready').notNull().default(false),
    recipientCount: integer('recipient_count').notNull().default(0),
    createdBy: text('created_by'),
  },
  (t) => [index('email_broadcasts_ws_idx').on(t.workspaceId, t.createdAt)],
);

export const emailBroadcastVariants = pgTable(
  'email_broadcast_variants',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    broadcastId: uuid('broadcast_id').notNull(),
    label: text('label').notNull(),
    /** Overrides the template version's subject when set. */
    subject: text('subject'),
    templateVersionId: uuid('template_version_id').notNull(),
  },
  (t) => [index('email_broadcast_variants_idx').on(t.workspaceId, t.broadcastId)],
);

export const messageStatuses = ['queued', 'held', 'sending', 'sent', 'failed', 'suppressed', 'cancelled'] as const;
export type MessageStatus = (typeof messageStatuses)[number];

/**
 * One message to one recipient. For broadcasts (broadcast, contact) is unique: the idempotency key of a send.
 * Engagement (opened, clicked, bounced…) is stamped here for fast reports and logged in contact_events.
 */
export const emailMessages = pgTable(
  'email_messages',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    broadcastId: uuid('broadcast_id'),
    variantId: uuid('variant_id'),
    contactId: uuid('contact_id'),
    toEmail: text('to_email').notNull(),
    templateVersionId: uuid('template_version_id'),
    senderId: uuid('sender_id'),
    transportId: uuid('transport_id'),
    subject: text('subject'),
    status: text('status').$type<MessageStatus>().notNull().default('queued'),
    /** The claim (job run) that holds a `sending` row; a sender only finishes rows it holds. */
    claim: text('claim'),
    attempts: integer('attempts').notNull().default(0),
    error: text('error'),
    /** Transactional messages keep their variables (the broadcast ones are recomputed from the records). */
    data: jsonb('data').$type<Record<string, unknown>>(),
    createdAt: ts('created_at').notNull().defaultNow(),
    sentAt: ts('sent_at'),
    openedAt: ts('opened_at'),
    machineOpenedAt: ts('machine_opened_at'),
    clickedAt: ts('clicked_at'),
    bouncedAt: ts('bounced_at'),
    bounceType: text('bounce_type'),
    complainedAt: ts('complained_at'),
    unsubscribedAt: ts('unsubscribed_at'),
  },
  (t) => [
    uniqueIndex('email_messages_broadcast_contact_idx')
      .on(t.workspaceId, t.broadcastId, t.contactId)
      .where(sql`${t.broadcastId} is not null`),
    index('email_messages_broadcast_status_idx').on(t.workspaceId, t.broadcastId, t.status, t.id),
    index('email_messages_contact_idx').on(t.workspaceId, t.contactId, t.createdAt),
    index('email_messages_transport_sent_idx').on(t.transportId, t.sentAt),
    // The KPI board's email engagement: messages sent in a period, with the columns it counts, so the board's
    // distinct contacts delivered to / who clicked are an index-only scan (not a heap visit per message).
    index('email_messages_ws_sent_idx').on(t.workspaceId, t.sentAt, t.contactId, t.bouncedAt, t.clickedAt),
  ],
);

/** Mail that had no SMTP transport to go through: stored as .eml, viewable and downloadable. */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id').notNull(),
    messageId: uuid('message_id'),
    toEmail: text('to_email').notNull(),
    subject: text('subject').notNull(),
    eml: text('eml').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [index('email_outbox_ws_idx').on(t.workspaceId, t.createdAt)],
);

/** Per-link click counts of a broadcast (the click map); the facts are in contact_events. */
export const emailLinkClicks = pgTable(
  'email_link_clicks',
  {
    workspaceId: uuid('workspace_id').notNull(),
    broadcastId: uuid('broadcast_id').notNull(),
    url: text('url').notNull(),
    clicks: integer('clicks').notNull().default(0),
    uniqueClicks: integer('unique_clicks').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.broadcastId, t.url] })],
);

export const inboundStatuses = ['received', 'processed', 'unmatched'] as const;
export type InboundStatus = (typeof inboundStatuses)[number];

/**
 * Mail that came back to us (bounces, complaints, auto-replies, replies) through the bounce SMTP receiver or the
 * inbound webhook. Stored raw first, then read by the `email.process_inbound` job (durable, retried): the result
 * is kept here. The workspace is known for webhook posts; SMTP mail finds it through the message it refers to.
 */
export const emailInbound = pgTable(
  'email_inbound',
  {
    id: uuid('id').primaryKey(),
    workspaceId: uuid('workspace_id'),
    source: text('source').$type<'smtp' | 'webhook'>().notNull(),
    envelopeFrom: text('envelope_from'),
    envelopeTo: jsonb('envelope_to').$type<string[]>().notNull().default([]),
    raw: text('raw').notNull(),
    status: text('status').$type<InboundStatus>().notNull().default('received'),
    /** The first result's kind (hard, soft, complaint, auto_reply, reply, unknown). */
    kind: text('kind'),
    messageId: uuid('message_id'),
    results: jsonb('results').$type<unknown[]>(),
    receivedAt: ts('received_at').notNull().defaultNow(),
    processedAt: ts('processed_at'),
  },
  (t) => [index('email_inbound_ws_idx').on(t.workspaceId, t.receivedAt), index('email_inbound_message_idx').on(t.messageId)],
);
