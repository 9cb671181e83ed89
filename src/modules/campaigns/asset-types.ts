import type { Executor } from '../../kernel/db/index.ts';

export interface AssetDescription {
  label: string;
  url?: string | null;
}

/**
 * A kind of thing a campaign can own (form, landing page, broadcast …). The module that owns the type registers
 * it: `exists` refuses ids that are not in the workspace, `describe` names them on the campaign page.
 */
export interface CampaignAssetType {
  type: string;
  label: string;
  exists(exec: Executor, workspaceId: string, ids: string[]): Promise<Set<string>>;
  describe?(exec: Executor, workspaceId: string, ids: string[]): Promise<Map<string, AssetDescription>>;
}

const types = new Map<string, CampaignAssetType>();

/** Called by forms, landing pages and email when they load (see docs/campaigns-and-attribution.md). */
export function registerCampaignAssetType(def: CampaignAssetType) {
  types.set(def.type, def);
}

export const campaignAssetType = (type: string) => types.get(type);
export const campaignAssetTypes = () => [...types.values()];
