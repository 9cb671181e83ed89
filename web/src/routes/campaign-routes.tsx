import { createRoute } from '@tanstack/react-router';
import { AttributionScreen } from '../features/campaigns/attribution-screen.tsx';
import { CampaignScreen } from '../features/campaigns/campaign-screen.tsx';
import { CampaignsScreen } from '../features/campaigns/campaigns-screen.tsx';
import { RequirePermission } from '../features/shell/require-permission.tsx';
import { appRoute } from './app-routes.tsx';

export const campaignsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/campaigns',
  component: () => (
    <RequirePermission permission="campaigns:read" title="Campaigns">
      <CampaignsScreen />
    </RequirePermission>
  ),
});

export const campaignRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/campaigns/$campaignId',
  component: function CampaignPage() {
    const { campaignId } = campaignRoute.useParams();
    return (
      <RequirePermission permission="campaigns:read" title="Campaign">
        <CampaignScreen key={campaignId} id={campaignId} />
      </RequirePermission>
    );
  },
});

export const attributionRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/attribution',
  component: () => (
    <RequirePermission permission="campaigns:read" title="Attribution">
      <AttributionScreen />
    </RequirePermission>
  ),
});
