CREATE TABLE "analytics_settings" (
	"workspace_id" uuid PRIMARY KEY NOT NULL,
	"gross_margin" double precision DEFAULT 0.8 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kpi_targets" (
	"workspace_id" uuid NOT NULL,
	"kpi" text NOT NULL,
	"target" double precision,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid,
	CONSTRAINT "kpi_targets_workspace_id_kpi_pk" PRIMARY KEY("workspace_id","kpi")
);
--> statement-breakpoint
CREATE TABLE "market_sizes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"market" text NOT NULL,
	"period" text NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "sales_costs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"workspace_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"month" date NOT NULL,
	"category" text NOT NULL,
	"amount" bigint NOT NULL,
	"currency" text NOT NULL,
	"note" text,
	"created_by" uuid
);
--> statement-breakpoint
CREATE INDEX "market_sizes_ws_period_idx" ON "market_sizes" USING btree ("workspace_id","period");--> statement-breakpoint
CREATE INDEX "sales_costs_ws_month_idx" ON "sales_costs" USING btree ("workspace_id","month");