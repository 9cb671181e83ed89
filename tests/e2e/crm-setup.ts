import type { Page } from 'playwright-core';
import { demoSeeders } from '../../src/apps/demo.ts';
import { type E2E, setUpViaApi, signIn, startE2E } from './browser.ts';

export interface CrmE2E {
  e2e: E2E;
  workspaceId: string;
  adminId: string;
  /** A signed-in admin page (fresh context) in a color scheme. */
  adminPage(colorScheme?: 'light' | 'dark'): Promise<Page>;
}

/** A JSON API caller on a signed-in page (its cookie and CSRF token). */
/** A JSON answer: records have an id, the rest is read by the test. */
export type Json = { id: string } & Record<string, unknown>;

export function apiOf(page: Page, csrfToken: string) {
  const headers = { 'x-csrf-token': csrfToken };
  const ok = async (res: Awaited<ReturnType<Page['request']['get']>>): Promise<Json> => {
    if (!res.ok()) throw new Error(`${res.url()} answered ${res.status()}: ${await res.text()}`);
    return (await res.json()) as Json;
  };
  return {
    get: (path: string) => page.request.get(path).then(ok),
    post: (path: string, data: unknown) => page.request.post(path, { data, headers }).then(ok),
    patch: (path: string, data: unknown) => page.request.patch(path, { data, headers }).then(ok),
  };
}

/**
 * A server set up through first-run setup (Ada, the admin of Acme Inc.); with `demo`, the workspace
 * also gets the CRM part of the demo book of business (4 reps, 320 companies, 2,200 contacts, activities and tasks, routing rules and 40 web leads).
 */
export async function startCrm(opts: { demo?: boolean } = {}): Promise<CrmE2E> {
  const e2e = await startE2E();
  await setUpViaApi(e2e);
  const { page } = await e2e.newPage();
  await signIn(page);
  const me = await (await page.request.get('/api/me')).json();
  await page.context().close();
  const workspaceId: string = me.workspace.id;
  const adminId: string = me.user.id;
  // The CRM part of the demo only: the marketing, sales and email demos add minutes and records these lists do not need.
  const crmSeeders = ['companies and contacts', 'activities and tasks', 'lead routing and waiting leads'];
  if (opts.demo)
    for (const s of demoSeeders.filter((d) => crmSeeders.includes(d.name))) await s.seed(e2e.server.platform, workspaceId, adminId);
  return {
    e2e,
    workspaceId,
    adminId,
    async adminPage(colorScheme = 'light') {
      const { page } = await e2e.newPage({ colorScheme });
      await signIn(page);
      return page;
    },
  };
}

/** Invites someone and accepts the invite as them (a teammate who joined through the link). */
export async function joinByInvite(
  page: Page,
  api: ReturnType<typeof apiOf>,
  who: { name: string; email: string; password: string },
  role: string,
) {
  const invite = await api.post('/api/invites', { email: who.email, role });
  const token = String(invite.url).split('/invite/')[1]!;
  const res = await page.request.post(`/api/invites/by-token/${token}/accept`, { data: { name: who.name, password: who.password } });
  if (!res.ok()) throw new Error(await res.text());
}
