import type { z } from 'zod';
import type { trackingTypes } from '../../../../src/modules/tracking/index.ts';
import type { Wire } from '../../lib/api/index.ts';

type T = typeof trackingTypes;
type Out<S extends z.ZodType> = Wire<z.output<S>>;

export type Site = Out<T['siteSchema']>;
export type SiteBody = z.input<T['siteBody']>;
export type WebAnalytics = Out<T['analyticsSchema']>;
export type WebActivity = Out<T['webActivitySchema']>;
export type WebSession = WebActivity['sessions'][number];

export const consentLabels: Record<Site['consentMode'], string> = {
  always: 'Track at once (no consent banner)',
  after_consent: 'Only after consent: tandem("consent", true)',
};

/** The two lines a site pastes before </head>. */
export function snippetFor(site: Pick<Site, 'siteKey' | 'consentMode'>, base = window.location.origin) {
  const consent = site.consentMode === 'after_consent' ? ' data-consent="required"' : '';
  return `<script>window.tandem=window.tandem||function(){(tandem.q=tandem.q||[]).push(arguments)};</script>
<script async src="${base}/t.js" data-site="${site.siteKey}"${consent}></script>
<noscript><img src="${base}/t/p.gif?k=${site.siteKey}" alt="" width="1" height="1" style="position:absolute"></noscript>`;
}
