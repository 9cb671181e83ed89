CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"type" text NOT NULL,
	"subject" text DEFAULT '' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text,
	"owner_id" uuid
);
--> statement-breakpoint
CREATE TABLE "activity_links" (
	"workspace_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	CONSTRAINT "activity_links_workspace_id_activity_id_entity_type_entity_id_pk" PRIMARY KEY("workspace_id","activity_id","entity_type","entity_id")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"link" text,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"title" text NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"due_at" timestamp with time zone,
	"priority" text DEFAULT 'normal' NOT NULL,
	"assignee_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"reminder_at" timestamp with time zone,
	"reminded_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"entity_type" text,
	"entity_id" uuid,
	"created_by" text
);
--> statement-breakpoint
CREATE TABLE "companies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"domain" text,
	"industry" text,
	"employee_count" integer,
	"annual_revenue" bigint,
	"annual_revenue_currency" text,
	"country" text,
	"region" text,
	"owner_id" uuid,
	"parent_company_id" uuid,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"last_activity_at" timestamp with time zone,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "consent_history" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"channel" text DEFAULT 'email' NOT NULL,
	"status" text NOT NULL,
	"legal_basis" text,
	"source" text,
	"ip" text,
	"text_version" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" text
);
--> statement-breakpoint
CREATE TABLE "contact_companies" (
	"workspace_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"company_id" uuid NOT NULL,
	"is_primary" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_companies_workspace_id_contact_id_company_id_pk" PRIMARY KEY("workspace_id","contact_id","company_id")
);
--> statement-breakpoint
CREATE TABLE "contact_emails" (
	"workspace_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"email" text NOT NULL,
	"is_primary" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contact_emails_workspace_id_email_pk" PRIMARY KEY("workspace_id","email")
);
--> statement-breakpoint
CREATE TABLE "contact_phones" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"phone" text NOT NULL,
	"kind" text DEFAULT 'work' NOT NULL,
	"is_primary" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"first_name" text DEFAULT '' NOT NULL,
	"last_name" text DEFAULT '' NOT NULL,
	"display_name" text NOT NULL,
	"email" text,
	"phone" text,
	"title" text,
	"owner_id" uuid,
	"company_id" uuid,
	"lifecycle_stage" text,
	"lifecycle_changed_at" timestamp with time zone,
	"lead_status" text,
	"lead_status_reason" text,
	"source" text,
	"first_touch" jsonb,
	"last_touch" jsonb,
	"email_consent" text DEFAULT 'not_set' NOT NULL,
	"do_not_contact" boolean DEFAULT false NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"last_activity_at" timestamp with time zone,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "lifecycle_history" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"from_stage" text,
	"to_stage" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_type" text NOT NULL,
	"actor_id" text,
	"rule" text
);
--> statement-breakpoint
CREATE TABLE "record_aliases" (
	"workspace_id" uuid NOT NULL,
	"entity_type" text NOT NULL,
	"alias_id" uuid NOT NULL,
	"target_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "record_aliases_workspace_id_alias_id_pk" PRIMARY KEY("workspace_id","alias_id")
);
--> statement-breakpoint
CREATE TABLE "suppressions" (
	"workspace_id" uuid NOT NULL,
	"email_hash" text NOT NULL,
	"reason" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "suppressions_workspace_id_email_hash_pk" PRIMARY KEY("workspace_id","email_hash")
);
--> statement-breakpoint
CREATE TABLE "custom_field_definitions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"entity_type" text NOT NULL,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"type" text NOT NULL,
	"options" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"required" boolean DEFAULT false NOT NULL,
	"unique" boolean DEFAULT false NOT NULL,
	"indexed" boolean DEFAULT false NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "team_members" (
	"workspace_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_members_workspace_id_team_id_user_id_pk" PRIMARY KEY("workspace_id","team_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"manager_id" uuid
);
--> statement-breakpoint
CREATE TABLE "bulk_operations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"entity_type" text NOT NULL,
	"action" text NOT NULL,
	"params" jsonb NOT NULL,
	"selection" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"total" integer,
	"done" integer DEFAULT 0 NOT NULL,
	"undo" jsonb,
	"job_id" uuid,
	"created_by" text,
	"undone_at" timestamp with time zone,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "saved_views" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"entity_type" text NOT NULL,
	"name" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"shared" boolean DEFAULT false NOT NULL,
	"definition" jsonb NOT NULL
);
--> statement-breakpoint
DROP INDEX "jobs_ready_idx";--> statement-breakpoint
CREATE INDEX "activities_ws_time_idx" ON "activities" USING btree ("workspace_id","occurred_at","id");--> statement-breakpoint
CREATE INDEX "activities_ws_type_idx" ON "activities" USING btree ("workspace_id","type","occurred_at");--> statement-breakpoint
CREATE INDEX "activity_links_entity_idx" ON "activity_links" USING btree ("workspace_id","entity_type","entity_id","occurred_at","activity_id");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("workspace_id","user_id","id");--> statement-breakpoint
CREATE INDEX "tasks_assignee_open_idx" ON "tasks" USING btree ("workspace_id","assignee_id","due_at") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "tasks_entity_idx" ON "tasks" USING btree ("workspace_id","entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "tasks_reminder_idx" ON "tasks" USING btree ("reminder_at") WHERE status = 'open' and reminded_at is null and reminder_at is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "companies_domain_key" ON "companies" USING btree ("workspace_id","domain") WHERE deleted_at is null and domain is not null;--> statement-breakpoint
CREATE INDEX "companies_ws_name_idx" ON "companies" USING btree ("workspace_id",lower("name"),"id");--> statement-breakpoint
CREATE INDEX "companies_ws_owner_idx" ON "companies" USING btree ("workspace_id","owner_id");--> statement-breakpoint
CREATE INDEX "companies_ws_created_idx" ON "companies" USING btree ("workspace_id","created_at","id");--> statement-breakpoint
CREATE INDEX "companies_name_trgm" ON "companies" USING gin ("workspace_id",lower("name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "companies_domain_trgm" ON "companies" USING gin ("workspace_id","domain" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "consent_history_contact_idx" ON "consent_history" USING btree ("workspace_id","contact_id","recorded_at");--> statement-breakpoint
CREATE INDEX "contact_companies_company_idx" ON "contact_companies" USING btree ("workspace_id","company_id");--> statement-breakpoint
CREATE INDEX "contact_emails_contact_idx" ON "contact_emails" USING btree ("workspace_id","contact_id");--> statement-breakpoint
CREATE INDEX "contact_emails_trgm" ON "contact_emails" USING gin ("workspace_id","email" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "contact_phones_contact_idx" ON "contact_phones" USING btree ("workspace_id","contact_id");--> statement-breakpoint
CREATE INDEX "contact_phones_phone_idx" ON "contact_phones" USING btree ("workspace_id","phone");--> statement-breakpoint
CREATE INDEX "contacts_ws_name_idx" ON "contacts" USING btree ("workspace_id",lower("display_name"),"id");--> statement-breakpoint
CREATE INDEX "contacts_ws_created_idx" ON "contacts" USING btree ("workspace_id","created_at","id");--> statement-breakpoint
CREATE INDEX "contacts_ws_owner_idx" ON "contacts" USING btree ("workspace_id","owner_id","id");--> statement-breakpoint
CREATE INDEX "contacts_ws_company_idx" ON "contacts" USING btree ("workspace_id","company_id");--> statement-breakpoint
CREATE INDEX "contacts_ws_stage_idx" ON "contacts" USING btree ("workspace_id","lifecycle_stage","id");--> statement-breakpoint
CREATE INDEX "contacts_ws_activity_idx" ON "contacts" USING btree ("workspace_id","last_activity_at","id");--> statement-breakpoint
CREATE INDEX "contacts_name_trgm" ON "contacts" USING gin ("workspace_id",lower("display_name") gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "contacts_tags_idx" ON "contacts" USING gin ("workspace_id","tags");--> statement-breakpoint
CREATE INDEX "lifecycle_history_contact_idx" ON "lifecycle_history" USING btree ("workspace_id","contact_id","changed_at");--> statement-breakpoint
CREATE INDEX "lifecycle_history_stage_idx" ON "lifecycle_history" USING btree ("workspace_id","to_stage","changed_at");--> statement-breakpoint
CREATE INDEX "record_aliases_target_idx" ON "record_aliases" USING btree ("workspace_id","target_id");--> statement-breakpoint
CREATE UNIQUE INDEX "custom_field_defs_key" ON "custom_field_definitions" USING btree ("workspace_id","entity_type","key");--> statement-breakpoint
CREATE INDEX "custom_field_defs_ws_idx" ON "custom_field_definitions" USING btree ("workspace_id","entity_type","position") WHERE archived_at is null;--> statement-breakpoint
CREATE INDEX "team_members_user_idx" ON "team_members" USING btree ("workspace_id","user_id");--> statement-breakpoint
CREATE INDEX "teams_ws_idx" ON "teams" USING btree ("workspace_id","name");--> statement-breakpoint
CREATE INDEX "bulk_operations_ws_idx" ON "bulk_operations" USING btree ("workspace_id","id");--> statement-breakpoint
CREATE INDEX "saved_views_ws_idx" ON "saved_views" USING btree ("workspace_id","entity_type","owner_id");--> statement-breakpoint
CREATE INDEX "jobs_ws_status_idx" ON "jobs" USING btree ("workspace_id","status","id");--> statement-breakpoint
CREATE INDEX "jobs_finished_idx" ON "jobs" USING btree ("finished_at") WHERE finished_at is not null;--> statement-breakpoint
CREATE INDEX "jobs_ready_idx" ON "jobs" USING btree ("priority" DESC NULLS LAST,"run_at") WHERE status = 'queued';