CREATE TABLE "follow_ups" (
	"workspace_id" uuid NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"since" timestamp with time zone NOT NULL,
	"owner_id" uuid NOT NULL,
	"task_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "follow_ups_workspace_id_entity_type_entity_id_since_pk" PRIMARY KEY("workspace_id","entity_type","entity_id","since")
);
--> statement-breakpoint
CREATE TABLE "lead_assignments" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"contact_id" uuid NOT NULL,
	"owner_id" uuid,
	"rule_id" uuid,
	"rule_name" text,
	"reason" text NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"first_touch_at" timestamp with time zone,
	"first_touch_activity_id" uuid,
	"response_minutes" double precision
);
--> statement-breakpoint
CREATE TABLE "routing_rules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"conditions" jsonb NOT NULL,
	"strategy" text NOT NULL,
	"team_id" uuid,
	"owner_id" uuid,
	"load_measure" text DEFAULT 'open_leads' NOT NULL,
	"last_user_id" uuid,
	"assigned_count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "routing_settings" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT false NOT NULL,
	"fallback_owner_id" uuid,
	"sla_minutes" integer DEFAULT 60 NOT NULL,
	"business_hours" jsonb NOT NULL,
	"holidays" text[] DEFAULT '{}'::text[] NOT NULL,
	"follow_up_days" integer,
	"digest_hour" integer DEFAULT 8 NOT NULL,
	"last_digest_date" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "follow_ups_owner_idx" ON "follow_ups" USING btree ("workspace_id","owner_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "lead_assignments_contact_uq" ON "lead_assignments" USING btree ("workspace_id","contact_id");--> statement-breakpoint
CREATE INDEX "lead_assignments_waiting_idx" ON "lead_assignments" USING btree ("workspace_id","due_at","id") WHERE first_touch_at is null;--> statement-breakpoint
CREATE INDEX "lead_assignments_owner_idx" ON "lead_assignments" USING btree ("workspace_id","owner_id","assigned_at");--> statement-breakpoint
CREATE INDEX "routing_rules_ws_idx" ON "routing_rules" USING btree ("workspace_id","position");