-- Each deal's first campaign touch: the earliest campaign_touchpoints.occurred_at of the deal's people, who are its
-- deal_contacts and the contacts linked to its company through contact_companies (attribution's journey, see
-- docs/campaigns-and-attribution.md); null without any. A won deal credits campaigns when first_touch_at <= closed_at,
-- so getAttributedTotals reads that from the closed-deals index (index-only) instead of probing each won deal's
-- people and their touchpoints. Kept current in the writing transaction by the triggers below: inserts lower it with
-- least(), deletes recompute the deals whose first touch may have been the one removed.
DROP INDEX "deals_closed_idx";--> statement-breakpoint
ALTER TABLE "deals" ADD COLUMN "first_touch_at" timestamp with time zone;--> statement-breakpoint

-- The deals of the given people (workspace, contact, time): the deals they are on and the deals of their companies.
CREATE FUNCTION deal_first_touch_deals_of(ws uuid[], people uuid[], ats timestamptz[])
RETURNS TABLE (workspace_id uuid, deal_id uuid, at timestamptz) LANGUAGE sql STABLE AS $$
  WITH p AS (SELECT k.w, k.c, min(k.a) AS a FROM unnest(ws, people, ats) AS k(w, c, a) GROUP BY 1, 2)
  SELECT dc.workspace_id, dc.deal_id, p.a FROM p JOIN deal_contacts dc ON dc.workspace_id = p.w AND dc.contact_id = p.c
  UNION ALL
  SELECT d.workspace_id, d.id, p.a FROM p
    JOIN contact_companies cc ON cc.workspace_id = p.w AND cc.contact_id = p.c
    JOIN deals d ON d.workspace_id = cc.workspace_id AND d.company_id = cc.company_id
$$;--> statement-breakpoint

-- A person's first touch: index-only on campaign_touchpoints_contact_idx.
CREATE FUNCTION deal_first_touch_of_person(p_ws uuid, p_contact uuid) RETURNS timestamptz LANGUAGE sql STABLE AS $$
  SELECT t.occurred_at FROM campaign_touchpoints t WHERE t.workspace_id = p_ws AND t.contact_id = p_contact
  ORDER BY t.occurred_at LIMIT 1
$$;--> statement-breakpoint

-- A deal's first touch from scratch.
CREATE FUNCTION deal_first_touch_of(p_ws uuid, p_deal uuid, p_company uuid) RETURNS timestamptz LANGUAGE sql STABLE AS $$
  SELECT min(deal_first_touch_of_person(p_ws, p.contact_id)) FROM (
    SELECT dc.contact_id FROM deal_contacts dc WHERE dc.workspace_id = p_ws AND dc.deal_id = p_deal
    UNION
    SELECT cc.contact_id FROM contact_companies cc WHERE cc.workspace_id = p_ws AND cc.company_id = p_company) p
$$;--> statement-breakpoint

-- Recomputes the given (workspace, deal) pairs; only changed values are written.
CREATE FUNCTION deal_first_touch_recompute(ws uuid[], ids uuid[]) RETURNS void LANGUAGE sql AS $$
  UPDATE deals d SET first_touch_at = x.at
  FROM (SELECT e.workspace_id, e.id, deal_first_touch_of(e.workspace_id, e.id, e.company_id) AS at
        FROM (SELECT DISTINCT k.w, k.i FROM unnest(ws, ids) AS k(w, i)) k JOIN deals e ON e.workspace_id = k.w AND e.id = k.i) x
  WHERE d.workspace_id = x.workspace_id AND d.id = x.id AND d.first_touch_at IS DISTINCT FROM x.at
$$;--> statement-breakpoint

-- Lowers the given (workspace, deal) pairs' first touch to the given times where earlier.
CREATE FUNCTION deal_first_touch_lower(ws uuid[], ids uuid[], ats timestamptz[]) RETURNS void LANGUAGE sql AS $$
  UPDATE deals d SET first_touch_at = k.a
  FROM (SELECT u.w, u.i, min(u.a) AS a FROM unnest(ws, ids, ats) AS u(w, i, a) WHERE u.a IS NOT NULL GROUP BY 1, 2) k
  WHERE d.workspace_id = k.w AND d.id = k.i AND (d.first_touch_at IS NULL OR d.first_touch_at > k.a)
$$;--> statement-breakpoint

-- Touchpoints: removed ones (delete, or the old side of an update) recompute the deals whose first touch is not
-- before them; added ones lower their deals' first touch.
CREATE FUNCTION deal_first_touch_after_touchpoints() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE v_ws uuid[]; v_people uuid[]; v_ats timestamptz[];
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    SELECT array_agg(o.workspace_id), array_agg(o.contact_id), array_agg(o.occurred_at) INTO v_ws, v_people, v_ats FROM old_rows o;
    PERFORM deal_first_touch_recompute(array_agg(d.workspace_id), array_agg(d.id))
    FROM (SELECT m.workspace_id, m.deal_id, min(m.at) AS at FROM deal_first_touch_deals_of(v_ws, v_people, v_ats) m GROUP BY 1, 2) m
    JOIN deals d ON d.workspace_id = m.workspace_id AND d.id = m.deal_id
    WHERE d.first_touch_at IS NULL OR d.first_touch_at >= m.at;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT array_agg(n.workspace_id), array_agg(n.contact_id), array_agg(n.occurred_at) INTO v_ws, v_people, v_ats FROM new_rows n;
    PERFORM deal_first_touch_lower(array_agg(m.workspace_id), array_agg(m.deal_id), array_agg(m.at))
    FROM deal_first_touch_deals_of(v_ws, v_people, v_ats) m;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER deal_first_touch_touchpoints_insert AFTER INSERT ON campaign_touchpoints
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION deal_first_touch_after_touchpoints();--> statement-breakpoint
CREATE TRIGGER deal_first_touch_touchpoints_delete AFTER DELETE ON campaign_touchpoints
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION deal_first_touch_after_touchpoints();--> statement-breakpoint
CREATE TRIGGER deal_first_touch_touchpoints_update AFTER UPDATE ON campaign_touchpoints
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION deal_first_touch_after_touchpoints();--> statement-breakpoint

-- Deal people: a removed person with touches recomputes the deal when its first touch is not before theirs; an added
-- one lowers it to theirs.
CREATE FUNCTION deal_first_touch_after_deal_contacts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    PERFORM deal_first_touch_recompute(array_agg(d.workspace_id), array_agg(d.id))
    FROM (SELECT o.workspace_id, o.deal_id, min(deal_first_touch_of_person(o.workspace_id, o.contact_id)) AS at FROM old_rows o GROUP BY 1, 2) o
    JOIN deals d ON d.workspace_id = o.workspace_id AND d.id = o.deal_id
    WHERE o.at IS NOT NULL AND (d.first_touch_at IS NULL OR d.first_touch_at >= o.at);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM deal_first_touch_lower(array_agg(n.workspace_id), array_agg(n.deal_id), array_agg(deal_first_touch_of_person(n.workspace_id, n.contact_id)))
    FROM new_rows n;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER deal_first_touch_deal_contacts_insert AFTER INSERT ON deal_contacts
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION deal_first_touch_after_deal_contacts();--> statement-breakpoint
CREATE TRIGGER deal_first_touch_deal_contacts_delete AFTER DELETE ON deal_contacts
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION deal_first_touch_after_deal_contacts();--> statement-breakpoint
CREATE TRIGGER deal_first_touch_deal_contacts_update AFTER UPDATE ON deal_contacts
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION deal_first_touch_after_deal_contacts();--> statement-breakpoint

-- Company contacts: the same for every deal of the company.
CREATE FUNCTION deal_first_touch_after_contact_companies() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    PERFORM deal_first_touch_recompute(array_agg(d.workspace_id), array_agg(d.id))
    FROM (SELECT o.workspace_id, o.company_id, min(deal_first_touch_of_person(o.workspace_id, o.contact_id)) AS at FROM old_rows o GROUP BY 1, 2) o
    JOIN deals d ON d.workspace_id = o.workspace_id AND d.company_id = o.company_id
    WHERE o.at IS NOT NULL AND (d.first_touch_at IS NULL OR d.first_touch_at >= o.at);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    PERFORM deal_first_touch_lower(array_agg(d.workspace_id), array_agg(d.id), array_agg(n.at))
    FROM (SELECT n.workspace_id, n.company_id, min(deal_first_touch_of_person(n.workspace_id, n.contact_id)) AS at FROM new_rows n GROUP BY 1, 2) n
    JOIN deals d ON d.workspace_id = n.workspace_id AND d.company_id = n.company_id
    WHERE n.at IS NOT NULL;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER deal_first_touch_contact_companies_insert AFTER INSERT ON contact_companies
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION deal_first_touch_after_contact_companies();--> statement-breakpoint
CREATE TRIGGER deal_first_touch_contact_companies_delete AFTER DELETE ON contact_companies
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION deal_first_touch_after_contact_companies();--> statement-breakpoint
CREATE TRIGGER deal_first_touch_contact_companies_update AFTER UPDATE ON contact_companies
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION deal_first_touch_after_contact_companies();--> statement-breakpoint

-- Deals: a new deal, or one moved to another company, gets its first touch before it is written (its company's
-- contacts; a new deal has no deal contacts yet, but they are read all the same), so no second row version.
CREATE FUNCTION deal_first_touch_before_deal() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.company_id IS NOT DISTINCT FROM NEW.company_id THEN
    RETURN NEW;
  END IF;
  NEW.first_touch_at := deal_first_touch_of(NEW.workspace_id, NEW.id, NEW.company_id);
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER deal_first_touch_deal_write BEFORE INSERT OR UPDATE OF company_id ON deals
  FOR EACH ROW EXECUTE FUNCTION deal_first_touch_before_deal();--> statement-breakpoint

-- The first touch is derived: a change of it alone leaves the deal's people's segments as they are (migration 0023).
CREATE OR REPLACE FUNCTION segment_mark_deal() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r record; o deals;
BEGIN
  IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
  IF TG_OP = 'UPDATE' THEN
    o := OLD;
    o.first_touch_at := NEW.first_touch_at;
    IF o IS NOT DISTINCT FROM NEW THEN
      RETURN NULL;
    END IF;
  END IF;
  IF EXISTS (SELECT 1 FROM segments s WHERE s.workspace_id = r.workspace_id AND s.deleted_at IS NULL) THEN
    INSERT INTO segment_dirty (workspace_id, contact_id)
    SELECT dc.workspace_id, dc.contact_id FROM deal_contacts dc WHERE dc.workspace_id = r.workspace_id AND dc.deal_id = r.id
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint

-- Backfill: each person's first touch, carried to their deals.
UPDATE deals d SET first_touch_at = m.at
FROM (
  WITH f AS (SELECT t.workspace_id, t.contact_id, min(t.occurred_at) AS at FROM campaign_touchpoints t GROUP BY 1, 2)
  SELECT x.workspace_id, x.deal_id, min(x.at) AS at FROM (
    SELECT dc.workspace_id, dc.deal_id, f.at FROM f JOIN deal_contacts dc ON dc.workspace_id = f.workspace_id AND dc.contact_id = f.contact_id
    UNION ALL
    SELECT e.workspace_id, e.id, f.at FROM f
      JOIN contact_companies cc ON cc.workspace_id = f.workspace_id AND cc.contact_id = f.contact_id
      JOIN deals e ON e.workspace_id = cc.workspace_id AND e.company_id = cc.company_id) x
  GROUP BY 1, 2) m
WHERE d.workspace_id = m.workspace_id AND d.id = m.deal_id;--> statement-breakpoint

CREATE INDEX "deals_closed_idx" ON "deals" USING btree ("workspace_id","status","closed_at","pipeline_id","owner_id","stage_id","currency","amount","first_touch_at") WHERE deleted_at is null and closed_at is not null;
