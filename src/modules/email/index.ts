import { registerPermissions, roles } from '../../kernel/auth/index.ts';
import { registerErrorCodes } from '../../kernel/errors.ts';
import { registerEventTypes } from '../../kernel/events/index.ts';
import type { App, AppDeps } from '../../kernel/http/index.ts';
import { registerInviteMailer } from '../identity/index.ts';
import { broadcastRoutes } from './http/broadcast-routes.ts';
import { inboundRoutes } from './http/inbound-routes.ts';
import { messageRoutes } from './http/message-routes.ts';
import { settingsRoutes } from './http/settings-routes.ts';
import { templateRoutes } from './http/template-routes.ts';
import { publicEmailRoutes } from './public/public-routes.ts';
import { configureEmail } from './runtime.ts';
import { sendInviteEmail } from './use-cases/send-invite.ts';

/**
 * Email: templates (Liquid over MJML/HTML, versioned), senders, SMTP transports with rolling caps, DKIM domains,
 * transactional sends, broadcasts with A/B variants, suppression, one-click unsubscribe, preferences and tracking.
 */
export { type AudienceMember, type AudienceSource, registerAudienceSource } from './audience.ts';
export { type InboundKind, type InboundResult, parseInbound } from './bounces/parse-inbound.ts';
export { startBounceReceiver } from './bounces/smtp-receiver.ts';
export { seedEmailDemo } from './demo.ts';
export * as emailTypes from './http/email.types.ts';
export { pickWinnerJob, sendBroadcastJob } from './jobs/broadcast-jobs.ts';
export { processInboundJob } from './jobs/process-inbound.ts';
export { runBroadcast } from './jobs/send-broadcast.ts';
export { sendMessageJob } from './jobs/send-message.ts';
export { getBroadcastReport } from './queries/get-broadcast-report.ts';
export { compileTemplate, renderMessage } from './render/compile-template.ts';
export { configureEmail, emailRuntime } from './runtime.ts';
export { emailBroadcasts, emailMessages, emailSuppressions, emailTemplates } from './schema.ts';
export { closeSmtpPools } from './sending/targets.ts';
export {
  assertCanConfirm,
  confirmTtlSeconds,
  type OptInSource,
  registerOptInHandler,
  requestOptInConfirmation,
} from './use-cases/double-opt-in.ts';
export { createBroadcast, sendBroadcast } from './use-cases/manage-broadcasts.ts';
export { createDomain } from './use-cases/manage-domains.ts';
export { createSender } from './use-cases/manage-senders.ts';
export { createSubscriptionType, suppressAddress } from './use-cases/manage-subscriptions.ts';
export { createTransport } from './use-cases/manage-transports.ts';
export { processInbound } from './use-cases/process-inbound.ts';
export { receiveInbound } from './use-cases/receive-inbound.ts';
export { resendConfirmation } from './use-cases/resend-confirmation.ts';
export { createTemplate, updateTemplate } from './use-cases/save-template.ts';
export { sendEmail } from './use-cases/send-email.ts';
export { sendHtmlToUser } from './use-cases/send-html-to-user.ts';

const marketing = ['admin', 'marketing'] as const;
registerPermissions({
  'email:read': { kind: 'read', roles, description: 'See email templates, broadcasts, reports, the outbox and the suppression list' },
  'email:write': {
    kind: 'write',
    roles: [...marketing, 'sales_manager'],
    description: 'Create and edit email templates and draft broadcasts',
  },
  'email:send': {
    kind: 'write',
    roles: [...marketing, 'sales_manager', 'sales_rep'],
    description: 'Send transactional email; send, pause and cancel broadcasts (reps: transactional only by policy)',
  },
  'email:manage': {
    kind: 'write',
    roles: ['admin'],
    description: 'SMTP transports, senders, sending domains, subscription types, the suppression list',
  },
});
// Invites go out through the transactional send (identity sits below email, so email plugs itself in).
registerInviteMailer(sendInviteEmail);
registerErrorCodes({
  template_invalid: 400,
  audience_unavailable: 400,
  broadcast_state: 409,
  email_domain_taken: 409,
  subscription_type_taken: 409,
  email_sender_missing: 409,
  email_sender_in_use: 409,
  contact_has_no_email: 400,
  confirmation_not_found: 404,
  confirmation_not_pending: 409,
});
registerEventTypes([
  { type: 'email_template.saved', description: 'An email template was created or saved (data.version is the new version)' },
  { type: 'email_settings.changed', description: 'An SMTP transport, sender, domain or subscription type changed' },
  { type: 'email_broadcast.changed', description: 'A broadcast was created or changed status (data.status)' },
  { type: 'email.queued', description: 'A transactional email was queued for a contact or address' },
]);

/** Every email route: the API and the public pages people reach from their mail. */
export async function emailRoutes(app: App, deps: AppDeps) {
  configureEmail({
    secretKey: deps.secretKey,
    publicUrl: deps.config.publicUrl!,
    smtpUrl: deps.config.smtpUrl,
    mailFrom: deps.config.mailFrom,
    bounceDomain: deps.config.bounceDomain,
  });
  await settingsRoutes(app);
  await templateRoutes(app);
  await broadcastRoutes(app);
  await messageRoutes(app);
  await inboundRoutes(app);
  await publicEmailRoutes(app, deps);
}
