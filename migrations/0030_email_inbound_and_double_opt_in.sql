CREATE TABLE "email_inbound" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid,
	"source" text NOT NULL,
	"envelope_from" text,
	"envelope_to" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"raw" text NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"kind" text,
	"message_id" uuid,
	"results" jsonb,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "contact_lists" ADD COLUMN "double_opt_in" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX "email_inbound_ws_idx" ON "email_inbound" USING btree ("workspace_id","received_at");--> statement-breakpoint
CREATE INDEX "email_inbound_message_idx" ON "email_inbound" USING btree ("message_id");