import type { CampaignChannel } from '../schema.ts';

const DAY = 86_400_000;

export interface DemoCampaign {
  slug: string;
  name: string;
  channel: CampaignChannel;
  start: number;
  /** null: always on. */
  end: number | null;
  /** Major units of `currency` over the whole campaign (or per year when always on). */
  budget: number;
  currency: string;
  goals: { leads?: number; mqls?: number; revenue?: number };
  /** Share of touches it gets while running. */
  weight: number;
  kinds: ('page_view' | 'form_submit' | 'email_click' | 'event_attended')[];
  links: [string, string, string][];
}

const utc = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);

/**
 * The demo's campaigns over the last two years. Named-year campaigns have calendar dates (a tracking demo can reuse
 * their utm_campaign slugs); the rest are placed relative to today.
 */
export function demoCampaigns(now: number): DemoCampaign[] {
  const y = new Date(now).getUTCFullYear();
  const q4Year = now >= utc(y, 10, 1) ? y : y - 1;
  const ago = (months: number) => now - months * 30.4 * DAY;
  return [
    {
      slug: 'seo-guides',
      name: 'SEO guides',
      channel: 'content_seo',
      start: ago(24),
      end: null,
      budget: 120_000,
      currency: 'USD',
      goals: { leads: 600 },
      weight: 5,
      kinds: ['page_view', 'page_view', 'form_submit'],
      links: [['https://northwind.example/guides/pipeline-hygiene', 'google', 'organic']],
    },
    {
      slug: 'newsletter',
      name: 'Monthly newsletter',
      channel: 'email',
      start: ago(24),
      end: null,
      budget: 24_000,
      currency: 'USD',
      goals: { leads: 150, mqls: 60 },
      weight: 4,
      kinds: ['email_click', 'email_click', 'page_view'],
      links: [['https://northwind.example/blog', 'newsletter', 'email']],
    },
    {
      slug: 'q4-paid-search',
      name: `Q4 paid search ${q4Year}`,
      channel: 'paid_search',
      start: utc(q4Year, 10, 1),
      end: utc(q4Year, 12, 31),
      budget: 180_000,
      currency: 'USD',
      goals: { leads: 300, mqls: 80, revenue: 40_000_000 },
      weight: 8,
      kinds: ['page_view', 'form_submit'],
      links: [
        ['https://northwind.example/pricing', 'google', 'cpc'],
        ['https://northwind.example/demo', 'bing', 'cpc'],
      ],
    },
    {
      slug: 'spring-webinar-2026',
      name: 'Spring webinar 2026',
      channel: 'events',
      start: utc(2026, 3, 1),
      end: utc(2026, 4, 30),
      budget: 32_000,
      currency: 'USD',
      goals: { leads: 250, mqls: 100 },
      weight: 7,
      kinds: ['form_submit', 'event_attended', 'email_click'],
      links: [
        ['https://northwind.example/webinar', 'linkedin', 'paid_social'],
        ['https://northwind.example/webinar', 'newsletter', 'email'],
      ],
    },
    {
      slug: 'spring-webinar-2025',
      name: 'Spring webinar 2025',
      channel: 'events',
      start: utc(2025, 3, 1),
      end: utc(2025, 4, 30),
      budget: 28_000,
      currency: 'USD',
      goals: { leads: 200 },
      weight: 7,
      kinds: ['form_submit', 'event_attended'],
      links: [['https://northwind.example/webinar-2025', 'linkedin', 'paid_social']],
    },
    {
      slug: 'partner-summit-2025',
      name: 'Partner Summit 2025 (Berlin)',
      channel: 'partner',
      start: utc(2025, 9, 1),
      end: utc(2025, 10, 31),
      budget: 160_000,
      currency: 'EUR',
      goals: { leads: 120, revenue: 25_000_000 },
      weight: 6,
      kinds: ['event_attended', 'page_view'],
      links: [['https://northwind.example/summit', 'partner', 'referral']],
    },
    {
      slug: 'customer-conference-2025',
      name: 'Customer conference 2025',
      channel: 'events',
      start: utc(2025, 6, 1),
      end: utc(2025, 6, 30),
      budget: 240_000,
      currency: 'GBP',
      goals: { mqls: 50 },
      weight: 5,
      kinds: ['event_attended'],
      links: [],
    },
    {
      slug: 'linkedin-abm',
      name: 'LinkedIn ABM – enterprise',
      channel: 'paid_social',
      start: ago(14),
      end: ago(8),
      budget: 144_000,
      currency: 'USD',
      goals: { leads: 90, mqls: 40 },
      weight: 6,
      kinds: ['page_view', 'form_submit'],
      links: [['https://northwind.example/enterprise', 'linkedin', 'paid_social']],
    },
    {
      slug: 'retargeting',
      name: 'Retargeting (always on)',
      channel: 'paid_social',
      start: ago(18),
      end: null,
      budget: 48_000,
      currency: 'USD',
      goals: {},
      weight: 3,
      kinds: ['page_view'],
      links: [['https://northwind.example/pricing', 'meta', 'paid_social']],
    },
    {
      slug: 'product-launch-social',
      name: 'Product launch (organic social)',
      channel: 'organic_social',
      start: ago(10),
      end: ago(8),
      budget: 0,
      currency: 'USD',
      goals: { leads: 50 },
      weight: 4,
      kinds: ['page_view'],
      links: [
        ['https://northwind.example/launch', 'twitter', 'social'],
        ['https://northwind.example/launch', 'linkedin', 'social'],
      ],
    },
    {
      slug: 'direct-mail-q2',
      name: 'Direct mail to key accounts',
      channel: 'direct_mail',
      start: ago(16),
      end: ago(13),
      budget: 60_000,
      currency: 'USD',
      goals: { mqls: 20 },
      weight: 2,
      kinds: ['page_view'],
      links: [['https://northwind.example/gift', 'postcard', 'print']],
    },
    {
      slug: 'g2-reviews',
      name: 'G2 reviews programme',
      channel: 'other',
      start: ago(20),
      end: null,
      budget: 36_000,
      currency: 'USD',
      goals: {},
      weight: 2,
      kinds: ['page_view'],
      links: [['https://northwind.example/reviews', 'g2', 'referral']],
    },
    {
      slug: `spring-webinar-${y + 1}`,
      name: `Spring webinar ${y + 1}`,
      channel: 'events',
      start: utc(y + 1, 3, 1),
      end: utc(y + 1, 4, 30),
      budget: 36_000,
      currency: 'USD',
      goals: { leads: 300, mqls: 120 },
      weight: 0,
      kinds: [],
      links: [],
    },
  ];
}

/** The utm_campaign values the demo uses (a tracking demo can reuse them). */
export const demoCampaignSlugs = [
  'seo-guides',
  'newsletter',
  'q4-paid-search',
  'spring-webinar-2026',
  'spring-webinar-2025',
  'partner-summit-2025',
  'customer-conference-2025',
  'linkedin-abm',
  'retargeting',
  'product-launch-social',
  'direct-mail-q2',
  'g2-reviews',
];
