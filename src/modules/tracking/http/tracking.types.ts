import { z } from 'zod';
import { consentModes } from '../schema.ts';

export const idParams = z.object({ id: z.uuid() });

export const siteSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  siteKey: z.string().describe('Public key in the snippet (data-site); not a secret'),
  allowedOrigins: z.array(z.string()).describe('Hosts whose pages may send hits; `*.example.com` covers subdomains'),
  consentMode: z.enum(consentModes).describe('always: track at once; after_consent: nothing is stored before tandem("consent", true)'),
  sessionRetentionDays: z.number().int(),
  active: z.boolean(),
  lastHitAt: z.date().nullable(),
  lastHitUrl: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type Site = z.infer<typeof siteSchema>;

export const siteBody = z.object({
  name: z.string().trim().min(1, 'Give the site a name').max(120),
  allowedOrigins: z
    .array(z.string().trim().min(1).max(260))
    .min(1, 'List at least one domain the snippet will run on, e.g. www.example.com')
    .max(50),
  consentMode: z.enum(consentModes).default('always'),
  sessionRetentionDays: z.number().int().min(1).max(3650).default(760),
  active: z.boolean().default(true),
});
export type SiteInput = z.input<typeof siteBody>;
export const updateSiteBody = siteBody.partial().extend({
  consentMode: z.enum(consentModes).optional(),
  sessionRetentionDays: z.number().int().min(1).max(3650).optional(),
  active: z.boolean().optional(),
});
export type SiteUpdate = z.input<typeof updateSiteBody>;

const uuidRe = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** What the snippet sends (short keys keep it small). */
export const hitBody = z
  .object({
    t: z.enum(['pv', 'ev']).describe('pv = page view, ev = custom event'),
    v: z.string().regex(uuidRe, 'must be the visitor id (a UUID)'),
    u: z.string().max(2000).optional(),
    ti: z.string().max(1000).optional(),
    r: z.string().max(2000).optional(),
    n: z
      .string()
      .regex(/^[\w.:-]{1,64}$/, 'event names are 1-64 letters, digits, _ . : or -')
      .optional(),
    p: z
      .record(z.string().max(64), z.union([z.string().max(500), z.number(), z.boolean(), z.null()]))
      .refine((p) => Object.keys(p).length <= 25, 'at most 25 properties')
      .optional(),
    c: z.literal(1).optional().describe('The visitor gave consent (sites in consent mode drop hits without it)'),
  })
  .superRefine((b, ctx) => {
    if (b.t === 'ev' && !b.n) ctx.addIssue({ code: 'custom', path: ['n'], message: 'a custom event needs a name' });
  });

export const periodQuery = z.object({
  from: z.iso.date().describe('First day (workspace time zone)'),
  to: z.iso.date().describe('Last day, inclusive'),
  siteId: z.uuid().optional(),
});

const countRow = z.object({ key: z.string(), views: z.number().int() });
export const analyticsSchema = z.object({
  from: z.string(),
  to: z.string(),
  timezone: z.string(),
  totals: z.object({ pageViews: z.number().int(), sessions: z.number().int(), visitors: z.number().int(), identified: z.number().int() }),
  days: z.array(z.object({ day: z.string(), pageViews: z.number().int(), sessions: z.number().int() })),
  topPages: z.array(countRow),
  sources: z.array(z.object({ key: z.string(), sessions: z.number().int() })),
  campaigns: z.array(
    z.object({ source: z.string().nullable(), medium: z.string().nullable(), campaign: z.string(), sessions: z.number().int() }),
  ),
});

export const webActivitySchema = z.object({
  sessions: z.array(
    z.object({
      id: z.uuid(),
      siteName: z.string().nullable(),
      startedAt: z.date(),
      lastSeenAt: z.date(),
      landingUrl: z.string().nullable(),
      referrer: z.string().nullable(),
      utm: z.record(z.string(), z.string()),
      pageCount: z.number().int(),
      events: z.array(
        z.object({
          kind: z.string(),
          name: z.string().nullable(),
          url: z.string().nullable(),
          title: z.string().nullable(),
          occurredAt: z.date(),
        }),
      ),
    }),
  ),
  hasMore: z.boolean(),
});
