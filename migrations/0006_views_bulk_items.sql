CREATE TABLE "bulk_operation_items" (
	"workspace_id" uuid NOT NULL,
	"operation_id" uuid NOT NULL,
	"record_id" uuid NOT NULL,
	"before" jsonb NOT NULL,
	"undone_at" timestamp with time zone,
	"undo_error" text,
	CONSTRAINT "bulk_operation_items_workspace_id_operation_id_record_id_pk" PRIMARY KEY("workspace_id","operation_id","record_id")
);
--> statement-breakpoint
ALTER TABLE "bulk_operations" ADD COLUMN "actor" jsonb;--> statement-breakpoint
ALTER TABLE "bulk_operations" ADD COLUMN "cursor" uuid;--> statement-breakpoint
ALTER TABLE "bulk_operations" ADD COLUMN "result" jsonb;--> statement-breakpoint
ALTER TABLE "bulk_operations" ADD COLUMN "finished_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "bulk_operations" ADD COLUMN "items_purged_at" timestamp with time zone;