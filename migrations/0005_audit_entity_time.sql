DROP INDEX "audit_ws_entity_idx";--> statement-breakpoint
CREATE INDEX "audit_ws_entity_idx" ON "audit_log" USING btree ("workspace_id","entity_type","entity_id","created_at","id");