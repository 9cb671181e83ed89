import { stringify } from 'csv-stringify/sync';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { App } from '../../../kernel/http/index.ts';
import { getForm } from '../queries/get-form.ts';
import { getForms } from '../queries/get-forms.ts';
import { getSubmissions } from '../queries/get-submissions.ts';
import { createForm } from '../use-cases/create-form.ts';
import { deleteForm } from '../use-cases/delete-form.ts';
import { updateForm } from '../use-cases/update-form.ts';
import {
  formBody,
  formListSchema,
  formSchema,
  idParams,
  okSchema,
  submissionsQuery,
  submissionsSchema,
  updateFormBody,
} from './capture.types.ts';

const tags = ['forms'];
/** Spreadsheet formula injection guard, as the list exports do. */
const cell = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

/** Forms: list, create, read, change, delete; submissions and their CSV. */
export async function formRoutes(app: App) {
  app.get('/api/forms', { config: { permission: 'forms:read' }, schema: { tags, response: { 200: formListSchema } } }, async (req) => ({
    items: await getForms(req.ctx),
  }));
  app.post(
    '/api/forms',
    { config: { permission: 'forms:manage' }, schema: { tags, body: formBody, response: { 201: formSchema } } },
    async (req, reply) => reply.status(201).send(await createForm(req.ctx, req.body)),
  );
  app.get(
    '/api/forms/:id',
    { config: { permission: 'forms:read' }, schema: { tags, params: idParams, response: { 200: formSchema } } },
    async (req) => getForm(req.ctx, req.params.id),
  );
  app.patch(
    '/api/forms/:id',
    { config: { permission: 'forms:manage' }, schema: { tags, params: idParams, body: updateFormBody, response: { 200: formSchema } } },
    async (req) => updateForm(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/forms/:id',
    { config: { permission: 'forms:manage' }, schema: { tags, params: idParams, response: { 200: okSchema } } },
    async (req) => {
      await deleteForm(req.ctx, req.params.id);
      return { ok: true as const };
    },
  );
  app.get(
    '/api/forms/:id/submissions',
    {
      config: { permission: 'forms:read' },
      schema: { tags, params: idParams, querystring: submissionsQuery, response: { 200: submissionsSchema } },
    },
    async (req) => {
      await getForm(req.ctx, req.params.id);
      return getSubmissions(req.ctx, req.params.id, req.query);
    },
  );
  app.get(
    '/api/forms/:id/submissions.csv',
    { config: { permission: 'forms:read' }, schema: { tags, params: idParams, description: 'Every submission as CSV (UTF-8 with BOM)' } },
    async (req, reply) => {
      const form = await getForm(req.ctx, req.params.id);
      const keys = (form.fields as { key: string }[]).map((f) => f.key);
      const out: string[][] = [
        [
          'submitted_at',
          'outcome',
          'contact_id',
          ...keys,
          'consent',
          'consent_version',
          'page_url',
          'referrer',
          'utm_source',
          'utm_medium',
          'utm_campaign',
          'ip',
        ],
      ];
      let cursor: string | undefined;
      do {
        const page = await getSubmissions(req.ctx, form.id, { cursor, limit: 200 });
        for (const s of page.items)
          out.push([
            s.createdAt.toISOString(),
            s.outcome,
            s.contactId ?? '',
            ...keys.map((k) => cell(s.data[k] ?? '')),
            s.consentGiven ? 'yes' : 'no',
            s.consentVersion === null ? '' : String(s.consentVersion),
            cell(s.pageUrl ?? ''),
            cell(s.referrer ?? ''),
            cell(s.utm.source ?? ''),
            cell(s.utm.medium ?? ''),
            cell(s.utm.campaign ?? ''),
            s.ip ?? '',
          ]);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      await recordAudit(req.ctx, {
        action: 'form.submissions_exported',
        entityType: 'form',
        entityId: form.id,
        after: { rows: out.length - 1 },
      });
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', `attachment; filename="${form.slug}-submissions.csv"`);
      return `\ufeff${stringify(out)}`;
    },
  );
}
