import type { App, AppDeps } from '../../kernel/http/index.ts';
import { memberRoutes } from './http/member-routes.ts';
import { sessionRoutes } from './http/session-routes.ts';
import { settingsRoutes } from './http/settings-routes.ts';
import { teamRoutes } from './http/team-routes.ts';

export { createUser } from './use-cases/create-user.ts';
export { createWorkspace } from './use-cases/create-workspace.ts';
export { addMember } from './use-cases/add-member.ts';
export { logIn } from './use-cases/log-in.ts';
export { createApiKey } from './use-cases/create-api-key.ts';
export { revokeApiKey } from './use-cases/revoke-api-key.ts';
export { inviteMember } from './use-cases/invite-member.ts';
export { acceptInvite } from './use-cases/accept-invite.ts';
export { resetPassword } from './use-cases/update-profile.ts';
export { needsSetup, ensureSetupToken, setUpInstance } from './use-cases/set-up-instance.ts';
export { ownerVisibility } from './queries/owner-visibility.ts';
export { createTeam, updateTeam, deleteTeam, getTeams } from './use-cases/manage-teams.ts';
export { teams, teamMembers } from './schema.ts';
export * as identityTypes from './http/identity.types.ts';

/** Sign-in, first-run setup, the current user, members, invites, workspace settings and API keys. */
export async function identityRoutes(app: App, deps: AppDeps) {
  await sessionRoutes(app, deps);
  await memberRoutes(app, deps);
  await settingsRoutes(app, deps);
  await teamRoutes(app);
}
