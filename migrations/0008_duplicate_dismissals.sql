CREATE TABLE "duplicate_dismissals" (
	"workspace_id" uuid NOT NULL,
	"entity_type" text NOT NULL,
	"record_a" uuid NOT NULL,
	"record_b" uuid NOT NULL,
	"dismissed_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "duplicate_dismissals_workspace_id_entity_type_record_a_record_b_pk" PRIMARY KEY("workspace_id","entity_type","record_a","record_b")
);
--> statement-breakpoint
CREATE INDEX "duplicate_dismissals_b_idx" ON "duplicate_dismissals" USING btree ("workspace_id","record_b");