import type { App, AppDeps } from '../../kernel/http/index.ts';
import { memberRoutes } from './http/member-routes.ts';
import { sessionRoutes } from './http/session-routes.ts';
import { settingsRoutes } from './http/settings-routes.ts';
import { teamRoutes } from './http/team-routes.ts';

export * as identityTypes from './http/identity.types.ts';
export { ownerVisibility, resolvedOwnerVisibility } from './queries/owner-visibility.ts';
export { teamMembers, teams } from './schema.ts';
export { acceptInvite } from './use-cases/accept-invite.ts';
export { addMember } from './use-cases/add-member.ts';
export { createApiKey } from './use-cases/create-api-key.ts';
export { createUser } from './use-cases/create-user.ts';
export { createWorkspace } from './use-cases/create-workspace.ts';
export { type InviteMail, type InviteMailer, registerInviteMailer } from './use-cases/invite-mailer.ts';
export { inviteMember } from './use-cases/invite-member.ts';
export { logIn } from './use-cases/log-in.ts';
export { createTeam, deleteTeam, getTeams, updateTeam } from './use-cases/manage-teams.ts';
export { revokeApiKey } from './use-cases/revoke-api-key.ts';
export { ensureSetupToken, needsSetup, setUpInstance } from './use-cases/set-up-instance.ts';
export { resetPassword } from './use-cases/update-profile.ts';

/** Sign-in, first-run setup, the current user, members, invites, workspace settings and API keys. */
export async function identityRoutes(app: App, deps: AppDeps) {
  await sessionRoutes(app, deps);
  await memberRoutes(app, deps);
  await settingsRoutes(app, deps);
  await teamRoutes(app);
}
