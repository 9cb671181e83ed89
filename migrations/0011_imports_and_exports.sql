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
CREATE TABLE "external_ids" (
	"workspace_id" uuid NOT NULL,
	"entity_type" text NOT NULL,
	"external_id" text NOT NULL,
	"record_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "external_ids_workspace_id_entity_type_external_id_pk" PRIMARY KEY("workspace_id","entity_type","external_id")
);
--> statement-breakpoint
CREATE TABLE "import_changes" (
	"workspace_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"entity_type" text NOT NULL,
	"record_id" uuid NOT NULL,
	"action" text NOT NULL,
	"row_number" integer NOT NULL,
	"before" jsonb,
	"undone_at" timestamp with time zone,
	CONSTRAINT "import_changes_workspace_id_import_id_entity_type_record_id_pk" PRIMARY KEY("workspace_id","import_id","entity_type","record_id")
);
--> statement-breakpoint
CREATE TABLE "import_errors" (
	"workspace_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"row_number" integer NOT NULL,
	"seq" integer NOT NULL,
	"column" text,
	"field" text,
	"value" text,
	"problem" text NOT NULL,
	CONSTRAINT "import_errors_workspace_id_import_id_row_number_seq_pk" PRIMARY KEY("workspace_id","import_id","row_number","seq")
);
--> statement-breakpoint
CREATE TABLE "import_files" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"stored_as" text NOT NULL,
	"size" bigint NOT NULL,
	"encoding" text NOT NULL,
	"delimiter" text NOT NULL,
	"has_header" boolean DEFAULT true NOT NULL,
	"headers" jsonb NOT NULL,
	"sample_rows" jsonb NOT NULL,
	"created_by" text
);
--> statement-breakpoint
CREATE TABLE "import_mappings" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"entity" text NOT NULL,
	"mapping" jsonb NOT NULL,
	"created_by" text
);
--> statement-breakpoint
CREATE TABLE "imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"file_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"entity" text NOT NULL,
	"mode" text NOT NULL,
	"key" text NOT NULL,
	"mapping" jsonb NOT NULL,
	"duplicates_in_file" text DEFAULT 'merge' NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"checkpoint_row" integer DEFAULT 0 NOT NULL,
	"total_rows" integer,
	"bytes_read" bigint DEFAULT 0 NOT NULL,
	"total_bytes" bigint DEFAULT 0 NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"rows_per_second" integer DEFAULT 0 NOT NULL,
	"active_seconds" integer DEFAULT 0 NOT NULL,
	"job_id" uuid,
	"undo_job_id" uuid,
	"actor" jsonb NOT NULL,
	"created_by" text,
	"error" text,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"undoable_until" timestamp with time zone,
	"undone_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "workspace_exports_ws_idx" ON "workspace_exports" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "external_ids_record_idx" ON "external_ids" USING btree ("workspace_id","record_id");--> statement-breakpoint
CREATE INDEX "import_files_ws_idx" ON "import_files" USING btree ("workspace_id","id");--> statement-breakpoint
CREATE INDEX "import_mappings_ws_idx" ON "import_mappings" USING btree ("workspace_id","entity","name");--> statement-breakpoint
CREATE INDEX "imports_ws_idx" ON "imports" USING btree ("workspace_id","created_at","id");