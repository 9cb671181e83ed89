CREATE TABLE "forecast_overrides" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"period" text NOT NULL,
	"pipeline_id" uuid,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"category" text NOT NULL,
	"amount" bigint,
	"computed_amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"comment" text NOT NULL,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "forecast_snapshots" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"taken_on" date NOT NULL,
	"period" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"closed_won" bigint NOT NULL,
	"commit" bigint NOT NULL,
	"best_case" bigint NOT NULL,
	"pipeline" bigint NOT NULL,
	"weighted" bigint NOT NULL,
	"quota" bigint,
	"forecast" bigint NOT NULL,
	"currency" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quotas" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"period" text NOT NULL,
	"period_start" date NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL
);
--> statement-breakpoint
DROP INDEX "deals_totals_idx";--> statement-breakpoint
CREATE INDEX "forecast_overrides_key_idx" ON "forecast_overrides" USING btree ("workspace_id","period","subject_type","subject_id","category","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "forecast_snapshots_key" ON "forecast_snapshots" USING btree ("workspace_id","period","owner_id","taken_on");--> statement-breakpoint
CREATE INDEX "forecast_snapshots_taken_idx" ON "forecast_snapshots" USING btree ("workspace_id","taken_on");--> statement-breakpoint
CREATE UNIQUE INDEX "quotas_key" ON "quotas" USING btree ("workspace_id","subject_type","subject_id","period");--> statement-breakpoint
CREATE INDEX "quotas_ws_start_idx" ON "quotas" USING btree ("workspace_id","period_start");--> statement-breakpoint
CREATE INDEX "deals_closed_idx" ON "deals" USING btree ("workspace_id","status","closed_at","pipeline_id","owner_id","stage_id","currency","amount") WHERE deleted_at is null and closed_at is not null;--> statement-breakpoint
CREATE INDEX "deals_forecast_open_idx" ON "deals" USING btree ("workspace_id","close_date","pipeline_id","owner_id","forecast_category","stage_id","currency","amount") WHERE deleted_at is null and status = 'open';--> statement-breakpoint
CREATE INDEX "deals_owner_totals_idx" ON "deals" USING btree ("workspace_id","owner_id","pipeline_id","stage_id","currency","closed_at","amount") WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "deals_totals_idx" ON "deals" USING btree ("workspace_id","pipeline_id","stage_id","currency","closed_at","amount","owner_id","source","close_date") WHERE deleted_at is null;