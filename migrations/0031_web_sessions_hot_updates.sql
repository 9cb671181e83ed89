DROP INDEX "web_sessions_visitor_idx";--> statement-breakpoint
CREATE INDEX "web_sessions_visitor_idx" ON "web_sessions" USING btree ("workspace_id","visitor_id");--> statement-breakpoint
-- Hand-added: room on each page for the updated row versions, so a session's update stays on its page (HOT).
ALTER TABLE "web_sessions" SET (fillfactor = 85);
