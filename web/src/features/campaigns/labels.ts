import type { CampaignStatus, Channel, Model, Touchpoint } from './campaign-types.ts';

export const channelLabels: Record<Channel, string> = {
  email: 'Email',
  paid_search: 'Paid search',
  paid_social: 'Paid social',
  organic_social: 'Organic social',
  content_seo: 'Content / SEO',
  events: 'Events',
  partner: 'Partner',
  direct_mail: 'Direct mail',
  other: 'Other',
};
export const statusLabels: Record<CampaignStatus, string> = {
  planned: 'Planned',
  active: 'Active',
  paused: 'Paused',
  completed: 'Completed',
  cancelled: 'Cancelled',
};
export const statusColors: Record<CampaignStatus, string> = {
  planned: 'gray',
  active: 'teal',
  paused: 'yellow',
  completed: 'blue',
  cancelled: 'red',
};
export const modelLabels: Record<Model, string> = {
  first_touch: 'First touch',
  last_touch: 'Last touch',
  linear: 'Linear',
  u_shaped: 'U-shaped (40/20/40)',
  w_shaped: 'W-shaped (30/30/30/10)',
  time_decay: 'Time decay (7-day half-life)',
};
export const touchpointLabels: Record<Touchpoint['kind'], string> = {
  visit: 'Visit',
  form_submit: 'Form submitted',
  email_click: 'Email click',
  event_attended: 'Event attended',
  manual: 'Manual',
  deal_source: 'Deal source',
};

/** ROI as a percentage ("+250%"), or a dash when it cannot be computed. */
export const formatRoi = (roi: number | null) =>
  roi === null
    ? '—'
    : `${roi > 0 ? '+' : ''}${new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 0 }).format(roi)}`;
export const roiColor = (roi: number | null) => (roi === null ? 'dimmed' : roi >= 0 ? 'teal' : 'red');
