CREATE TABLE "workspace_exports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"file_path" text NOT NULL,
	"bytes" bigint,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"total_rows" integer,
	"counts" jsonb,
	"error" text,
	"job_id" uuid,
	"created_by" text,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "workspace_exports_ws_idx" ON "workspace_exports" USING btree ("workspace_id","created_at");