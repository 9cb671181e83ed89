-- Hand-written: contact_events is partitioned and not in drizzle's schema (migration 0014).
-- Touchpoint derivation (campaigns) reads the behaviour log's campaign events by recorded_at watermark;
-- partial, so only events with a campaign id or UTM parameters are indexed.
CREATE INDEX IF NOT EXISTS contact_events_campaign_recorded_idx ON contact_events (workspace_id, recorded_at, id)
  WHERE campaign_id IS NOT NULL OR props -> 'utm' IS NOT NULL;
