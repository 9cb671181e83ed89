DROP INDEX "contacts_ws_recent_activity_idx";--> statement-breakpoint
CREATE INDEX "companies_ws_name_sort_idx" ON "companies" USING btree ("workspace_id",lower(left("name", 100)),"id");--> statement-breakpoint
CREATE INDEX "contacts_ws_owner_recent_idx" ON "contacts" USING btree ("workspace_id","owner_id",coalesce("last_activity_at", '-infinity'::timestamptz) desc nulls last,lower(left("display_name", 100)),"id");--> statement-breakpoint
CREATE INDEX "contacts_ws_name_sort_idx" ON "contacts" USING btree ("workspace_id",lower(left("display_name", 100)),"id");--> statement-breakpoint
CREATE INDEX "contacts_ws_recent_activity_idx" ON "contacts" USING btree ("workspace_id",coalesce("last_activity_at", '-infinity'::timestamptz) desc nulls last,lower(left("display_name", 100)),"id");