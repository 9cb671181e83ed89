-- Keeps deal_stage_totals (the board's column totals) in step with deals, in the writing transaction.
-- Updates that leave pipeline, stage, currency, close time, amount and deletion alone touch nothing.
CREATE OR REPLACE FUNCTION deal_stage_totals_apply() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.workspace_id, OLD.pipeline_id, OLD.stage_id, OLD.currency, OLD.closed_at, OLD.amount, OLD.deleted_at)
      IS NOT DISTINCT FROM (NEW.workspace_id, NEW.pipeline_id, NEW.stage_id, NEW.currency, NEW.closed_at, NEW.amount, NEW.deleted_at) THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.deleted_at IS NULL THEN
    INSERT INTO deal_stage_totals AS t (workspace_id, pipeline_id, stage_id, currency, day_key, deals, amount)
    VALUES (OLD.workspace_id, OLD.pipeline_id, OLD.stage_id, OLD.currency,
            coalesce((OLD.closed_at AT TIME ZONE 'UTC')::date, 'infinity'::date), -1, -coalesce(OLD.amount, 0))
    ON CONFLICT (workspace_id, pipeline_id, stage_id, currency, day_key)
    DO UPDATE SET deals = t.deals + excluded.deals, amount = t.amount + excluded.amount;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.deleted_at IS NULL THEN
    INSERT INTO deal_stage_totals AS t (workspace_id, pipeline_id, stage_id, currency, day_key, deals, amount)
    VALUES (NEW.workspace_id, NEW.pipeline_id, NEW.stage_id, NEW.currency,
            coalesce((NEW.closed_at AT TIME ZONE 'UTC')::date, 'infinity'::date), 1, coalesce(NEW.amount, 0))
    ON CONFLICT (workspace_id, pipeline_id, stage_id, currency, day_key)
    DO UPDATE SET deals = t.deals + excluded.deals, amount = t.amount + excluded.amount;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER deals_stage_totals AFTER INSERT OR UPDATE OR DELETE ON deals FOR EACH ROW EXECUTE FUNCTION deal_stage_totals_apply();
--> statement-breakpoint
INSERT INTO deal_stage_totals (workspace_id, pipeline_id, stage_id, currency, day_key, deals, amount)
SELECT workspace_id, pipeline_id, stage_id, currency, coalesce((closed_at AT TIME ZONE 'UTC')::date, 'infinity'::date), count(*), coalesce(sum(amount), 0)
FROM deals WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5;
