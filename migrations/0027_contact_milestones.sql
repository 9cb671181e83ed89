-- Hand-written (not in drizzle's schema): each contact's lifecycle milestones, derived from lifecycle_history and kept
-- current by triggers, so the KPI board counts new customers, MQLs, SQLs and customers at an instant with index range
-- reads instead of aggregating the whole history per request (src/modules/analytics/queries/inputs/lifecycle.ts).
-- Only contacts that reached MQL or later have a row. customer_spells: when the contact's stage was customer or
-- evangelist, as ranges (c, n] from the change into it at c to the next change at n (open-ended while it lasts).
CREATE TABLE contact_milestones (
  workspace_id uuid NOT NULL,
  contact_id uuid NOT NULL,
  became_mql_at timestamptz,
  last_sql_stage_at timestamptz,
  became_customer_at timestamptz,
  customer_spells tstzmultirange,
  contact_created_at timestamptz,
  contact_deleted_at timestamptz,
  PRIMARY KEY (workspace_id, contact_id)
);--> statement-breakpoint
CREATE INDEX contact_milestones_customer_idx ON contact_milestones (workspace_id, became_customer_at)
  WHERE became_customer_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX contact_milestones_mql_idx ON contact_milestones (workspace_id, became_mql_at) INCLUDE (last_sql_stage_at)
  WHERE became_mql_at IS NOT NULL;--> statement-breakpoint
CREATE INDEX contact_milestones_cohort_idx ON contact_milestones (workspace_id, contact_created_at)
  WHERE became_customer_at IS NOT NULL AND contact_deleted_at IS NULL;--> statement-breakpoint

-- Recomputes the milestones of the given (workspace, contact) pairs from their whole history.
CREATE FUNCTION contact_milestones_recompute(ws uuid[], ids uuid[]) RETURNS void LANGUAGE sql AS $$
  WITH keys AS (SELECT DISTINCT w, c FROM unnest(ws, ids) AS k(w, c)),
  h AS (
    SELECT h.workspace_id, h.contact_id, h.to_stage, h.changed_at,
      lead(h.changed_at) OVER (PARTITION BY h.workspace_id, h.contact_id ORDER BY h.changed_at, h.id) AS next_at
    FROM keys JOIN lifecycle_history h ON h.workspace_id = keys.w AND h.contact_id = keys.c),
  agg AS (
    SELECT workspace_id, contact_id,
      min(changed_at) FILTER (WHERE to_stage = 'marketing_qualified') AS mql,
      max(changed_at) FILTER (WHERE to_stage IN ('sales_qualified', 'opportunity', 'customer', 'evangelist')) AS sqls,
      min(changed_at) FILTER (WHERE to_stage IN ('customer', 'evangelist')) AS cust,
      range_agg(tstzrange(changed_at, next_at, '(]')) FILTER (WHERE to_stage IN ('customer', 'evangelist')) AS spells
    FROM h GROUP BY 1, 2
    HAVING min(changed_at) FILTER (WHERE to_stage IN ('marketing_qualified', 'sales_qualified', 'opportunity', 'customer', 'evangelist')) IS NOT NULL),
  gone AS (
    DELETE FROM contact_milestones m USING keys
    WHERE m.workspace_id = keys.w AND m.contact_id = keys.c
      AND NOT EXISTS (SELECT 1 FROM agg WHERE agg.workspace_id = keys.w AND agg.contact_id = keys.c))
  INSERT INTO contact_milestones (workspace_id, contact_id, became_mql_at, last_sql_stage_at, became_customer_at, customer_spells,
    contact_created_at, contact_deleted_at)
  SELECT agg.workspace_id, agg.contact_id, agg.mql, agg.sqls, agg.cust, agg.spells, c.created_at, c.deleted_at
  FROM agg LEFT JOIN contacts c ON c.workspace_id = agg.workspace_id AND c.id = agg.contact_id
  ON CONFLICT (workspace_id, contact_id) DO UPDATE SET
    became_mql_at = excluded.became_mql_at, last_sql_stage_at = excluded.last_sql_stage_at,
    became_customer_at = excluded.became_customer_at, customer_spells = excluded.customer_spells,
    contact_created_at = excluded.contact_created_at, contact_deleted_at = excluded.contact_deleted_at
$$;--> statement-breakpoint

CREATE FUNCTION contact_milestones_after_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM contact_milestones_recompute(array_agg(workspace_id), array_agg(contact_id)) FROM (SELECT DISTINCT workspace_id, contact_id FROM new_rows) x;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM contact_milestones_recompute(array_agg(workspace_id), array_agg(contact_id)) FROM (SELECT DISTINCT workspace_id, contact_id FROM old_rows) x;
  ELSE
    PERFORM contact_milestones_recompute(array_agg(workspace_id), array_agg(contact_id))
    FROM (SELECT workspace_id, contact_id FROM new_rows UNION SELECT workspace_id, contact_id FROM old_rows) x;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER contact_milestones_history_insert AFTER INSERT ON lifecycle_history
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION contact_milestones_after_history_change();--> statement-breakpoint
CREATE TRIGGER contact_milestones_history_delete AFTER DELETE ON lifecycle_history
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION contact_milestones_after_history_change();--> statement-breakpoint
CREATE TRIGGER contact_milestones_history_update AFTER UPDATE ON lifecycle_history
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION contact_milestones_after_history_change();--> statement-breakpoint

-- A contact's creation time and deletion follow it (the leads cohort and customers at an instant read them here).
CREATE FUNCTION contact_milestones_after_contact_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE contact_milestones SET contact_created_at = NEW.created_at, contact_deleted_at = NEW.deleted_at
  WHERE workspace_id = NEW.workspace_id AND contact_id = NEW.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER contact_milestones_contact_update AFTER UPDATE OF created_at, deleted_at ON contacts
  FOR EACH ROW WHEN (OLD.created_at IS DISTINCT FROM NEW.created_at OR OLD.deleted_at IS DISTINCT FROM NEW.deleted_at)
  EXECUTE FUNCTION contact_milestones_after_contact_change();--> statement-breakpoint

SELECT contact_milestones_recompute(array_agg(workspace_id), array_agg(contact_id))
FROM (SELECT DISTINCT workspace_id, contact_id FROM lifecycle_history) x;
