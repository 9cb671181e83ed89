-- What contacts (and not yet identified visitors) did: page views, form submissions, email opens and clicks,
-- event attendance. Append-only facts, partitioned by month on occurred_at so retention drops whole months and
-- behaviour queries over "the last D days" read only the months they need. Not declared in drizzle (it cannot
-- express partitions); src/modules/engagement owns it and reads it with SQL.
CREATE TABLE contact_events (
  workspace_id uuid NOT NULL,
  id uuid NOT NULL,
  occurred_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  contact_id uuid,
  visitor_id uuid,
  session_id uuid,
  kind text NOT NULL,
  name text,
  url text,
  subject_id uuid,
  campaign_id uuid,
  props jsonb NOT NULL DEFAULT '{}'::jsonb,
  PRIMARY KEY (workspace_id, occurred_at, id)
) PARTITION BY RANGE (occurred_at);
--> statement-breakpoint
CREATE TABLE contact_events_default PARTITION OF contact_events DEFAULT;
--> statement-breakpoint
CREATE INDEX contact_events_contact_idx ON contact_events (workspace_id, contact_id, kind, occurred_at) WHERE contact_id IS NOT NULL;
--> statement-breakpoint
CREATE INDEX contact_events_kind_idx ON contact_events (workspace_id, kind, occurred_at);
--> statement-breakpoint
CREATE INDEX contact_events_visitor_idx ON contact_events (workspace_id, visitor_id) WHERE visitor_id IS NOT NULL;
--> statement-breakpoint
-- One month's partition, created when missing; rows already in the default partition for that month move in.
CREATE OR REPLACE FUNCTION contact_events_partition(month date) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  first date := date_trunc('month', month)::date;
  part text := 'contact_events_' || to_char(first, 'YYYY_MM');
BEGIN
  IF to_regclass(part) IS NOT NULL THEN
    RETURN part;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext(part));
  IF to_regclass(part) IS NOT NULL THEN
    RETURN part;
  END IF;
  EXECUTE format('CREATE TEMP TABLE contact_events_moving ON COMMIT DROP AS SELECT * FROM contact_events_default WHERE occurred_at >= %L AND occurred_at < %L', first, (first + interval '1 month')::date);
  EXECUTE format('DELETE FROM contact_events_default WHERE occurred_at >= %L AND occurred_at < %L', first, (first + interval '1 month')::date);
  EXECUTE format('CREATE TABLE %I PARTITION OF contact_events FOR VALUES FROM (%L) TO (%L)', part, first, (first + interval '1 month')::date);
  INSERT INTO contact_events SELECT * FROM contact_events_moving;
  DROP TABLE contact_events_moving;
  RETURN part;
END
$$;
--> statement-breakpoint
DO $$
DECLARE m date;
BEGIN
  FOR m IN SELECT generate_series(date_trunc('month', now()) - interval '24 months', date_trunc('month', now()) + interval '3 months', interval '1 month')::date LOOP
    PERFORM contact_events_partition(m);
  END LOOP;
END
$$;
