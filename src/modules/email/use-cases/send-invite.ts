import type { Ctx } from '../../../kernel/context.ts';
import type { InviteMail } from '../../identity/index.ts';
import { getSenders } from './manage-senders.ts';
import { builtInTemplate } from './save-template.ts';
import { sendEmail } from './send-email.ts';

export const inviteTemplateName = 'Workspace invite';

/** The workspace's invite template (see builtInTemplate). */
const inviteTemplate = (ctx: Ctx) =>
  builtInTemplate(ctx, {
    name: inviteTemplateName,
    format: 'html',
    subject: '{{ invited_by | default: "A colleague" }} invited you to {{ workspace_name }} on Tandem',
    preheader: 'Accept the invite to join the workspace.',
    body: `<p>Hello,</p>
<p>{{ invited_by | default: "A colleague" }} invited you to join <strong>{{ workspace_name }}</strong> as {{ role }}.</p>
<p><a href="{{ invite_url }}">Accept the invite</a></p>
<p>The link works until {{ expires_on }} and only once. If you did not expect this, ignore this message.</p>`,
  });

/**
 * Mails a workspace invite through the transactional path (sender identity, DKIM, message record, outbox when no
 * relay is set). Registered with identity as its invite mailer; null when the workspace has no sender yet.
 */
export async function sendInviteEmail(ctx: Ctx, mail: InviteMail): Promise<{ messageId: string } | null> {
  if (!(await getSenders(ctx)).length) return null;
  const sent = await sendEmail(
    ctx,
    {
      templateId: await inviteTemplate(ctx),
      to: mail.email,
      variables: {
        invite_url: mail.url,
        workspace_name: mail.workspaceName,
        invited_by: mail.invitedBy ?? '',
        role: mail.role.replace(/_/g, ' '),
        expires_on: mail.expiresAt.toISOString().slice(0, 10),
      },
    },
    // The text holds the accept link: it stays off the CRM timeline (readable by every rep) if the invitee is a contact.
    { timeline: false },
  );
  return { messageId: sent.id };
}
