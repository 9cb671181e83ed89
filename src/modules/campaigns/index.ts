import { registerPermissions, roles } from '../../kernel/auth/index.ts';
import { registerErrorCodes } from '../../kernel/errors.ts';
import { registerEventTypes } from '../../kernel/events/index.ts';
import type { App } from '../../kernel/http/index.ts';
import { defineSchedule } from '../../kernel/jobs/index.ts';
import { campaignPartRoutes } from './http/campaign-part-routes.ts';
import { campaignRoutes } from './http/campaign-routes.ts';
import { touchpointRoutes } from './http/touchpoint-routes.ts';
import { deriveTouchpointsJob } from './jobs/derive-touchpoints-job.ts';

/**
 * Campaigns and attribution: marketing programmes with budget, spend, goals, UTM links and assets; touchpoints
 * derived from the behaviour log and deals; revenue attributed to them by six models.
 */
export { type AssetDescription, type CampaignAssetType, registerCampaignAssetType } from './asset-types.ts';
export { type AttributionModel, attribute, attributionModels, modelWeights, splitAmount } from './attribution-models.ts';
export { slugify } from './campaign-rules.ts';
export { demoCampaignSlugs, seedCampaignsDemo } from './demo/seed-campaigns-demo.ts';
export * as campaignTypes from './http/campaigns.types.ts';
export { deriveTouchpointsJob } from './jobs/derive-touchpoints-job.ts';
export type { Campaign } from './queries/campaign-shape.ts';
export { type AttributedTotals, getAttributedTotals, type TotalsRange } from './queries/get-attributed-totals.ts';
export { getAttribution, roiOf } from './queries/get-attribution.ts';
export { getCampaign } from './queries/get-campaign.ts';
export { listCampaigns } from './queries/list-campaigns.ts';
export * from './schema.ts';
export { addSpend, deleteSpend, updateSpend } from './use-cases/add-spend.ts';
export { buildUtmLink, deleteUtmLink } from './use-cases/build-utm-link.ts';
export { createCampaign } from './use-cases/create-campaign.ts';
export { deleteCampaign } from './use-cases/delete-campaign.ts';
export { deriveTouchpoints } from './use-cases/derive-touchpoints.ts';
export { linkAsset, unlinkAsset } from './use-cases/link-asset.ts';
export { deleteTouchpoint, recordTouchpoint } from './use-cases/record-touchpoint.ts';
export { updateCampaign } from './use-cases/update-campaign.ts';
export { buildUtmUrl } from './utm.ts';

const marketers = ['admin', 'marketing'] as const;
registerPermissions({
  'campaigns:read': { kind: 'read', roles, description: 'See campaigns, their spend, links, touchpoints and attribution reports' },
  'campaigns:write': {
    kind: 'write',
    roles: marketers,
    description: 'Create and change campaigns, spend, UTM links, assets and manual touchpoints',
  },
  'campaigns:delete': { kind: 'write', roles: marketers, description: 'Delete campaigns with their spend and touchpoints' },
});
registerErrorCodes({
  campaign_not_found: 404,
  spend_not_found: 404,
  campaign_link_not_found: 404,
  asset_not_found: 404,
  touchpoint_not_found: 404,
  campaign_slug_taken: 409,
  touchpoint_derived: 409,
});
registerEventTypes([
  { type: 'campaign.created', description: 'A campaign was created (data: name, slug, channel, status)' },
  { type: 'campaign.updated', description: 'Fields of a campaign changed; data.changed lists them' },
  { type: 'campaign.deleted', description: 'A campaign was deleted with its spend and touchpoints' },
  { type: 'campaign.spend_changed', description: 'A spend entry was added, changed or removed (data.spendId)' },
  { type: 'campaign.touchpoint_recorded', description: 'A manual touchpoint was recorded (data.contactId)' },
]);

defineSchedule({ name: 'campaigns.derive_touchpoints', cron: '*/5 * * * *', job: deriveTouchpointsJob, payload: {} });

/** Campaigns, spend, UTM links, assets, touchpoints and the attribution report. */
export async function campaignsRoutes(app: App) {
  await campaignRoutes(app);
  await campaignPartRoutes(app);
  await touchpointRoutes(app);
}
