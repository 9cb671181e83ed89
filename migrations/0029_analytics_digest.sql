CREATE TABLE "analytics_digest_subscriptions" (
	"workspace_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_sent_on" date,
	CONSTRAINT "analytics_digest_subscriptions_workspace_id_user_id_pk" PRIMARY KEY("workspace_id","user_id")
);
