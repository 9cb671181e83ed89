import type { Ctx } from '../../../kernel/context.ts';

/** What an invite email needs: who is invited, to which workspace and role, by whom, and the accept link (shown once). */
export interface InviteMail {
  inviteId: string;
  email: string;
  role: string;
  url: string;
  workspaceName: string;
  invitedBy: string | null;
  expiresAt: Date;
}

/**
 * Sends an invite inside the invite's transaction and answers the message id, or null when the workspace cannot send
 * mail yet (no sender). The email module registers it: identity sits below email, so it cannot import it.
 */
export type InviteMailer = (ctx: Ctx, mail: InviteMail) => Promise<{ messageId: string } | null>;

let mailer: InviteMailer | undefined;

export function registerInviteMailer(fn: InviteMailer) {
  mailer = fn;
}

export const inviteMailer = () => mailer;
