import { sql } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context.ts';
import { type Database, rows } from '../../kernel/db/index.ts';
import { getPublishedForm } from './queries/get-published-form.ts';
import { powSolves, renderToken } from './spam.ts';
import { createForm } from './use-cases/create-form.ts';
import { createPage, publishPage } from './use-cases/save-page.ts';
import { submitForm } from './use-cases/submit-form.ts';

/**
 * A newsletter signup, a demo-request form and a webinar landing page with its registration form, published,
 * with submissions from demo contacts through the real submission path (consent proof, events, notifications).
 * Slugs carry a piece of the workspace id: public addresses are unique across workspaces.
 */
export async function seedCaptureDemo(
  p: { database: Database; secretKey: string },
  workspaceId: string,
  adminId: string,
  submissions = 36,
) {
  const db = p.database.db;
  const admin: Ctx = { db, workspaceId, actor: { type: 'user', id: adminId, userId: adminId, label: 'Demo admin', role: 'admin' } };
  const tag = workspaceId.slice(-6);
  const newsletter = await createForm(admin, {
    name: 'Newsletter signup',
    slug: `newsletter-${tag}`,
    status: 'published',
    fields: [
      { key: 'email', label: 'Work email', type: 'email', mapTo: 'contact.email', required: true, placeholder: 'you@company.com' },
      { key: 'first_name', label: 'First name', type: 'text', mapTo: 'contact.firstName' },
      { key: 'utm_source', label: 'UTM source', type: 'hidden', mapTo: 'utm.source' },
    ],
    settings: {
      submitLabel: 'Subscribe',
      thankYouMessage: 'You are subscribed. The next issue arrives on the first Tuesday of the month.',
      consent: { text: 'Yes, send me the monthly newsletter. I can unsubscribe at any time.', required: true },
      lifecycleStage: 'subscriber',
      tags: ['newsletter'],
    },
  });
  const demo = await createForm(admin, {
    name: 'Request a demo',
    slug: `demo-request-${tag}`,
    status: 'published',
    fields: [
      { key: 'first_name', label: 'First name', type: 'text', mapTo: 'contact.firstName', required: true },
      { key: 'last_name', label: 'Last name', type: 'text', mapTo: 'contact.lastName', required: true },
      { key: 'email', label: 'Work email', type: 'email', mapTo: 'contact.email', required: true },
      { key: 'phone', label: 'Phone', type: 'phone', mapTo: 'contact.phone' },
      { key: 'job_title', label: 'Job title', type: 'text', mapTo: 'contact.title' },
      { key: 'team_size', label: 'Team size', type: 'select', options: ['1–10', '11–50', '51–200', '201–1000', '1000+'], required: true },
      { key: 'message', label: 'What would you like to see?', type: 'textarea', maxLength: 2000 },
    ],
    settings: {
      submitLabel: 'Request my demo',
      thankYouMessage: 'Thanks! A product specialist will reach out within one business day.',
      notifyUserIds: [adminId],
      lifecycleStage: 'marketing_qualified',
      proofOfWork: true,
    },
  });
  const webinar = await createForm(admin, {
    name: 'Webinar registration: Pipeline reviews that work',
    slug: `webinar-${tag}`,
    status: 'published',
    fields: [
      { key: 'name', label: 'First name', type: 'text', mapTo: 'contact.firstName', required: true },
      { key: 'email', label: 'Work email', type: 'email', mapTo: 'contact.email', required: true },
      { key: 'company', label: 'Company', type: 'text' },
    ],
    settings: {
      submitLabel: 'Save my seat',
      thankYouMessage: 'You are registered. The joining link is on its way to your inbox.',
      consent: { text: 'Send me the recording and related content from Tandem.', required: false },
      tags: ['webinar-2026-q4'],
    },
  });
  const page = await createPage(admin, {
    slug: `webinar-pipeline-reviews-${tag}`,
    title: 'Pipeline reviews that work — live webinar',
    description: 'A 45-minute live session on running weekly pipeline reviews your reps look forward to.',
    ogImage: null,
    blocks: [
      { type: 'heading', text: 'Pipeline reviews that work', level: 1 },
      {
        type: 'richText',
        html: '<p>Join our head of sales on <strong>Thursday, 10 December</strong> for 45 minutes on running pipeline reviews that move deals, not just update fields.</p>',
      },
      {
        type: 'columns',
        columns: [
          [
            {
              type: 'richText',
              html: '<h3>You will learn</h3><ul><li>Which three questions to ask of every deal</li><li>How to spot rotting deals early</li><li>Forecast categories your CFO trusts</li></ul>',
            },
          ],
          [{ type: 'form', formId: webinar.id }],
        ],
      },
      { type: 'cta', label: 'See the agenda', url: '#agenda' },
    ],
  });
  await publishPage(admin, page.id, true);

  const people = await rows<{ email: string; first_name: string; last_name: string }>(
    db,
    sql`select email, first_name, last_name from contacts where workspace_id = ${workspaceId} and email is not null and deleted_at is null
        order by id limit ${submissions}`,
  );
  const sources = ['linkedin', 'google', 'newsletter', 'partner'];
  for (const [i, c] of people.entries()) {
    const which = [newsletter, demo, webinar][i % 3]!;
    const found = (await getPublishedForm(db, which.slug))!;
    const values: Record<string, string> = { _t: renderToken(p.secretKey, which.id, Date.now() - 60_000), email: c.email };
    if (which === newsletter) Object.assign(values, { first_name: c.first_name, utm_source: sources[i % 4]!, consent: 'true' });
    if (which === demo) {
      Object.assign(values, {
        first_name: c.first_name || 'Alex',
        last_name: c.last_name || 'Doe',
        team_size: '11–50',
        message: 'Forecasting and routing, please.',
      });
      values._pow = solvePow(values._t!);
    }
    if (which === webinar) Object.assign(values, { name: c.first_name || 'Alex', consent: i % 2 ? 'true' : '' });
    values._page_url = `https://www.example.com/${which === webinar ? 'webinar' : 'pricing'}?utm_source=${sources[i % 4]}&utm_medium=cpc`;
    await submitForm(db, p.secretKey, { form: found.form, values, ip: `198.51.100.${(i % 250) + 1}`, userAgent: 'Mozilla/5.0 (demo)' });
  }
}

function solvePow(token: string) {
  for (let i = 0; ; i++) if (powSolves(token, String(i))) return String(i);
}
