CREATE TABLE "email_broadcast_variants" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"broadcast_id" uuid NOT NULL,
	"label" text NOT NULL,
	"subject" text,
	"template_version_id" uuid NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_broadcasts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"sender_id" uuid NOT NULL,
	"subscription_type_id" uuid,
	"campaign_id" uuid,
	"audience" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"scheduled_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"test_fraction" real DEFAULT 0 NOT NULL,
	"winner_metric" text DEFAULT 'open' NOT NULL,
	"winner_after_hours" real DEFAULT 4 NOT NULL,
	"winner_variant_id" uuid,
	"recipients_ready" boolean DEFAULT false NOT NULL,
	"recipient_count" integer DEFAULT 0 NOT NULL,
	"created_by" text
);
--> statement-breakpoint
CREATE TABLE "email_domains" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"domain" text NOT NULL,
	"selector" text NOT NULL,
	"private_key_enc" text NOT NULL,
	"public_key" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_link_clicks" (
	"workspace_id" uuid NOT NULL,
	"broadcast_id" uuid NOT NULL,
	"url" text NOT NULL,
	"clicks" integer DEFAULT 0 NOT NULL,
	"unique_clicks" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "email_link_clicks_workspace_id_broadcast_id_url_pk" PRIMARY KEY("workspace_id","broadcast_id","url")
);
--> statement-breakpoint
CREATE TABLE "email_messages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"broadcast_id" uuid,
	"variant_id" uuid,
	"contact_id" uuid,
	"to_email" text NOT NULL,
	"template_version_id" uuid,
	"sender_id" uuid,
	"transport_id" uuid,
	"subject" text,
	"status" text DEFAULT 'queued' NOT NULL,
	"claim" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"error" text,
	"data" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"opened_at" timestamp with time zone,
	"machine_opened_at" timestamp with time zone,
	"clicked_at" timestamp with time zone,
	"bounced_at" timestamp with time zone,
	"bounce_type" text,
	"complained_at" timestamp with time zone,
	"unsubscribed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "email_opt_outs" (
	"workspace_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"type_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "email_opt_outs_workspace_id_contact_id_type_id_pk" PRIMARY KEY("workspace_id","contact_id","type_id")
);
--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"message_id" uuid,
	"to_email" text NOT NULL,
	"subject" text NOT NULL,
	"eml" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_senders" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"from_name" text NOT NULL,
	"from_email" text NOT NULL,
	"reply_to" text,
	"postal_address" text DEFAULT '' NOT NULL,
	"transport_id" uuid,
	"is_default" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_subscription_types" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_suppressions" (
	"workspace_id" uuid NOT NULL,
	"email" text NOT NULL,
	"reason" text NOT NULL,
	"detail" text DEFAULT '' NOT NULL,
	"contact_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "email_suppressions_workspace_id_email_pk" PRIMARY KEY("workspace_id","email")
);
--> statement-breakpoint
CREATE TABLE "email_template_versions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"template_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"format" text NOT NULL,
	"subject" text NOT NULL,
	"preheader" text DEFAULT '' NOT NULL,
	"body" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "email_templates" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "email_transports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"host" text NOT NULL,
	"port" integer NOT NULL,
	"secure" boolean DEFAULT false NOT NULL,
	"username" text,
	"password_enc" text,
	"concurrency" integer DEFAULT 5 NOT NULL,
	"per_second" integer,
	"hourly_cap" integer,
	"daily_cap" integer,
	"is_default" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX "email_broadcast_variants_idx" ON "email_broadcast_variants" USING btree ("workspace_id","broadcast_id");--> statement-breakpoint
CREATE INDEX "email_broadcasts_ws_idx" ON "email_broadcasts" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "email_domains_ws_domain_idx" ON "email_domains" USING btree ("workspace_id","domain");--> statement-breakpoint
CREATE UNIQUE INDEX "email_messages_broadcast_contact_idx" ON "email_messages" USING btree ("workspace_id","broadcast_id","contact_id") WHERE "email_messages"."broadcast_id" is not null;--> statement-breakpoint
CREATE INDEX "email_messages_broadcast_status_idx" ON "email_messages" USING btree ("workspace_id","broadcast_id","status","id");--> statement-breakpoint
CREATE INDEX "email_messages_contact_idx" ON "email_messages" USING btree ("workspace_id","contact_id","created_at");--> statement-breakpoint
CREATE INDEX "email_messages_transport_sent_idx" ON "email_messages" USING btree ("transport_id","sent_at");--> statement-breakpoint
CREATE INDEX "email_outbox_ws_idx" ON "email_outbox" USING btree ("workspace_id","created_at");--> statement-breakpoint
CREATE INDEX "email_senders_ws_idx" ON "email_senders" USING btree ("workspace_id");--> statement-breakpoint
CREATE UNIQUE INDEX "email_subscription_types_key_idx" ON "email_subscription_types" USING btree ("workspace_id","key");--> statement-breakpoint
CREATE UNIQUE INDEX "email_template_versions_idx" ON "email_template_versions" USING btree ("workspace_id","template_id","version");--> statement-breakpoint
CREATE INDEX "email_templates_ws_idx" ON "email_templates" USING btree ("workspace_id","name");--> statement-breakpoint
CREATE INDEX "email_transports_ws_idx" ON "email_transports" USING btree ("workspace_id");