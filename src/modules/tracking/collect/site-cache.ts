import { sql } from 'drizzle-orm';
import type { Executor } from '../../../kernel/db/index.ts';
import { rows } from '../../../kernel/db/index.ts';
import type { ConsentMode } from '../schema.ts';

export interface SiteInfo {
  id: string;
  workspaceId: string;
  allowedOrigins: string[];
  consentMode: ConsentMode;
}

const ttlMs = 10_000;

/**
 * Site keys → sites, cached for 10 s (unknown keys too, so a flood of made-up keys costs no queries).
 * A settings change reaches every process within the TTL; `forget` makes this process see it at once.
 */
export class SiteCache {
  private entries = new Map<string, { site: SiteInfo | null; until: number }>();
  private loading = new Map<string, Promise<SiteInfo | null>>();
  constructor(private readonly exec: Executor) {}

  async get(siteKey: string): Promise<SiteInfo | null> {
    const now = Date.now();
    const hit = this.entries.get(siteKey);
    if (hit && hit.until > now) return hit.site;
    const pending = this.loading.get(siteKey);
    if (pending) return pending;
    const p = this.load(siteKey).finally(() => this.loading.delete(siteKey));
    this.loading.set(siteKey, p);
    return p;
  }

  forget() {
    this.entries.clear();
  }

  private async load(siteKey: string): Promise<SiteInfo | null> {
    const [row] = await rows<{ id: string; workspace_id: string; allowed_origins: string[]; consent_mode: ConsentMode }>(
      this.exec,
      sql`select id, workspace_id, allowed_origins, consent_mode from tracking_sites where site_key = ${siteKey} and active`,
    );
    const site = row
      ? { id: row.id, workspaceId: row.workspace_id, allowedOrigins: row.allowed_origins, consentMode: row.consent_mode }
      : null;
    if (this.entries.size > 50_000) this.entries.clear();
    this.entries.set(siteKey, { site, until: Date.now() + ttlMs });
    return site;
  }
}
