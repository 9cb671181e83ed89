CREATE TABLE "tracking_sites" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"site_key" text NOT NULL,
	"allowed_origins" text[] DEFAULT '{}'::text[] NOT NULL,
	"consent_mode" text DEFAULT 'always' NOT NULL,
	"session_retention_days" integer DEFAULT 760 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"last_hit_at" timestamp with time zone,
	"last_hit_url" text
);
--> statement-breakpoint
CREATE TABLE "web_sessions" (
	"workspace_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"site_id" uuid NOT NULL,
	"visitor_id" uuid NOT NULL,
	"contact_id" uuid,
	"started_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"landing_url" text,
	"referrer" text,
	"referrer_host" text,
	"utm_source" text,
	"utm_medium" text,
	"utm_campaign" text,
	"utm_term" text,
	"utm_content" text,
	"page_count" integer DEFAULT 0 NOT NULL,
	"event_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "web_sessions_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX "tracking_sites_key_idx" ON "tracking_sites" USING btree ("site_key");--> statement-breakpoint
CREATE INDEX "tracking_sites_ws_idx" ON "tracking_sites" USING btree ("workspace_id","name");--> statement-breakpoint
CREATE INDEX "web_sessions_visitor_idx" ON "web_sessions" USING btree ("workspace_id","visitor_id","last_seen_at");--> statement-breakpoint
CREATE INDEX "web_sessions_contact_idx" ON "web_sessions" USING btree ("workspace_id","contact_id","started_at") WHERE contact_id is not null;--> statement-breakpoint
CREATE INDEX "web_sessions_started_idx" ON "web_sessions" USING btree ("workspace_id","started_at");