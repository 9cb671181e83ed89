import type { FilterNode } from '../records/crm-types.ts';

export type TemplateFormat = 'mjml' | 'html';
export interface TemplateVersion {
  id: string;
  version: number;
  format: TemplateFormat;
  subject: string;
  preheader: string;
  body: string;
  createdAt: string;
}
export interface Template {
  id: string;
  name: string;
  currentVersion: number;
  current: TemplateVersion;
  updatedAt: string;
}
export interface TemplateListItem {
  id: string;
  name: string;
  currentVersion: number;
  subject: string;
  updatedAt: string;
}
export interface TemplateDraft {
  name: string;
  format: TemplateFormat;
  subject: string;
  preheader: string;
  body: string;
}
export interface Preview {
  subject: string;
  html: string;
  text: string;
}

export const broadcastStatuses = ['draft', 'scheduled', 'sending', 'testing', 'paused', 'sent', 'cancelled'] as const;
export type BroadcastStatus = (typeof broadcastStatuses)[number];
export type Audience = { kind: 'filter'; filter: FilterNode } | { kind: 'segment'; segmentId: string } | { kind: 'list'; listId: string };
export interface Variant {
  id: string;
  label: string;
  subject: string | null;
  templateVersionId: string;
}
export interface Broadcast {
  id: string;
  name: string;
  status: BroadcastStatus;
  senderId: string;
  subscriptionTypeId: string | null;
  campaignId: string | null;
  audience: Audience;
  testFraction: number;
  winnerMetric: string;
  winnerAfterHours: number;
  winnerVariantId: string | null;
  scheduledAt: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  recipientCount: number;
  variants: Variant[];
  /** Message counts by status. */
  progress: Record<string, number>;
  createdAt: string;
}
export interface BroadcastBody {
  name: string;
  senderId: string;
  subscriptionTypeId?: string | null;
  audience: Audience;
  variants: { templateId: string; subject?: string | null }[];
  testFraction: number;
  winnerMetric: 'open' | 'click';
  winnerAfterHours: number;
}
export interface Estimate {
  audience: number;
  suppressed: number;
  recipients: number;
}
/** Report figures: counts and rates; fields another version of the API lacks are simply absent. */
export type Rates = Record<string, number | undefined>;
export interface Report {
  broadcast: Broadcast;
  total: Rates;
  variants: (Rates & { id: string; label: string; winner: boolean })[];
  links: { url: string; clicks: number; uniqueClicks: number }[];
  complaintAlarm?: boolean;
}

export interface Sender {
  id: string;
  fromName: string;
  fromEmail: string;
  replyTo: string | null;
  postalAddress: string;
  transportId: string | null;
  isDefault: boolean;
}
export interface Transport {
  id: string;
  name: string;
  host: string;
  port: number;
  secure: boolean;
  username: string | null;
  hasPassword: boolean;
  concurrency: number;
  perSecond: number | null;
  hourlyCap: number | null;
  dailyCap: number | null;
  isDefault: boolean;
  sentLastHour: number;
  sentLastDay: number;
}
export interface DnsRecord {
  purpose: string;
  type: string;
  name: string;
  value: string;
  note: string;
}
export interface Domain {
  id: string;
  domain: string;
  selector: string;
  records: DnsRecord[];
  createdAt: string;
}
export interface SubscriptionType {
  id: string;
  key: string;
  name: string;
  description: string;
}
export const suppressionReasons = ['unsubscribed', 'hard_bounce', 'soft_bounces', 'complaint', 'manual'] as const;
export type SuppressionReason = (typeof suppressionReasons)[number];
export interface Suppression {
  email: string;
  reason: SuppressionReason;
  detail: string;
  contactId: string | null;
  createdAt: string;
}
export interface OutboxItem {
  id: string;
  messageId: string | null;
  to: string;
  subject: string;
  createdAt: string;
}
export interface OutboxMessage extends OutboxItem {
  from: string;
  date: string | null;
  html: string | null;
  text: string | null;
  headers: { name: string; value: string }[];
  dkimSigned: boolean;
}
