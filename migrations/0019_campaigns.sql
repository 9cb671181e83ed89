CREATE TABLE "campaign_assets" (
	"workspace_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"asset_type" text NOT NULL,
	"asset_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_assets_workspace_id_campaign_id_asset_type_asset_id_pk" PRIMARY KEY("workspace_id","campaign_id","asset_type","asset_id")
);
--> statement-breakpoint
CREATE TABLE "campaign_derivation_state" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"events_through" timestamp with time zone DEFAULT '-infinity' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_links" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"base_url" text NOT NULL,
	"source" text NOT NULL,
	"medium" text NOT NULL,
	"content" text,
	"term" text,
	"url" text NOT NULL,
	"created_by" uuid
);
--> statement-breakpoint
CREATE TABLE "campaign_pending_events" (
	"workspace_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"campaign_id" uuid NOT NULL,
	"kind" text NOT NULL,
	CONSTRAINT "campaign_pending_events_workspace_id_occurred_at_event_id_campaign_id_pk" PRIMARY KEY("workspace_id","occurred_at","event_id","campaign_id")
);
--> statement-breakpoint
CREATE TABLE "campaign_spend" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"spent_on" date NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "campaign_touchpoints" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"event_key" text NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"channel" text NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"owner_id" uuid,
	"description" text,
	"start_date" date,
	"end_date" date,
	"budget_amount" bigint,
	"budget_currency" text NOT NULL,
	"goals" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE INDEX "campaign_assets_asset_idx" ON "campaign_assets" USING btree ("workspace_id","asset_type","asset_id");--> statement-breakpoint
CREATE INDEX "campaign_links_campaign_idx" ON "campaign_links" USING btree ("workspace_id","campaign_id","created_at");--> statement-breakpoint
CREATE INDEX "campaign_spend_campaign_idx" ON "campaign_spend" USING btree ("workspace_id","campaign_id","spent_on");--> statement-breakpoint
CREATE INDEX "campaign_spend_day_idx" ON "campaign_spend" USING btree ("workspace_id","spent_on");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_touchpoints_key" ON "campaign_touchpoints" USING btree ("workspace_id","contact_id","campaign_id","kind","event_key");--> statement-breakpoint
CREATE INDEX "campaign_touchpoints_campaign_idx" ON "campaign_touchpoints" USING btree ("workspace_id","campaign_id","occurred_at","id");--> statement-breakpoint
CREATE INDEX "campaign_touchpoints_contact_idx" ON "campaign_touchpoints" USING btree ("workspace_id","contact_id","occurred_at");--> statement-breakpoint
CREATE INDEX "campaign_touchpoints_deal_idx" ON "campaign_touchpoints" USING btree ("workspace_id","event_key") WHERE kind = 'deal_source';--> statement-breakpoint
CREATE UNIQUE INDEX "campaigns_ws_slug_key" ON "campaigns" USING btree ("workspace_id","slug");--> statement-breakpoint
CREATE INDEX "campaigns_ws_start_idx" ON "campaigns" USING btree ("workspace_id","start_date","id");