-- Hand-written. Segments keep their members incrementally: every write that can change a contact's memberships
-- marks the contact in segment_dirty in the writing transaction (so bulk imports, merges and SQL fixes are covered
-- too); the segments.drain job re-evaluates only those contacts. Workspaces without segments pay one index probe.
CREATE OR REPLACE FUNCTION segment_mark_contact() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD IS NOT DISTINCT FROM NEW THEN
    RETURN NULL;
  END IF;
  IF EXISTS (SELECT 1 FROM segments s WHERE s.workspace_id = NEW.workspace_id AND s.deleted_at IS NULL) THEN
    INSERT INTO segment_dirty (workspace_id, contact_id) VALUES (NEW.workspace_id, NEW.id) ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER contacts_segment_dirty AFTER INSERT OR UPDATE ON contacts FOR EACH ROW EXECUTE FUNCTION segment_mark_contact();
--> statement-breakpoint
-- A company change can move its contacts in or out of segments with company conditions.
CREATE OR REPLACE FUNCTION segment_mark_company() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD IS NOT DISTINCT FROM NEW THEN
    RETURN NULL;
  END IF;
  IF EXISTS (SELECT 1 FROM segments s WHERE s.workspace_id = NEW.workspace_id AND s.deleted_at IS NULL) THEN
    INSERT INTO segment_dirty (workspace_id, contact_id)
    SELECT c.workspace_id, c.id FROM contacts c WHERE c.workspace_id = NEW.workspace_id AND c.company_id = NEW.id
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER companies_segment_dirty AFTER UPDATE ON companies FOR EACH ROW EXECUTE FUNCTION segment_mark_company();
--> statement-breakpoint
-- A deal change re-evaluates the deal's people (has_deal conditions).
CREATE OR REPLACE FUNCTION segment_mark_deal() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
  IF TG_OP = 'UPDATE' AND OLD IS NOT DISTINCT FROM NEW THEN
    RETURN NULL;
  END IF;
  IF EXISTS (SELECT 1 FROM segments s WHERE s.workspace_id = r.workspace_id AND s.deleted_at IS NULL) THEN
    INSERT INTO segment_dirty (workspace_id, contact_id)
    SELECT dc.workspace_id, dc.contact_id FROM deal_contacts dc WHERE dc.workspace_id = r.workspace_id AND dc.deal_id = r.id
    ON CONFLICT DO NOTHING;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER deals_segment_dirty AFTER INSERT OR UPDATE OR DELETE ON deals FOR EACH ROW EXECUTE FUNCTION segment_mark_deal();
--> statement-breakpoint
-- Tables that link a contact (deal people, list members): mark the linked contact, old and new.
CREATE OR REPLACE FUNCTION segment_mark_link() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE r record;
BEGIN
  IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
  IF EXISTS (SELECT 1 FROM segments s WHERE s.workspace_id = r.workspace_id AND s.deleted_at IS NULL) THEN
    INSERT INTO segment_dirty (workspace_id, contact_id) VALUES (r.workspace_id, r.contact_id) ON CONFLICT DO NOTHING;
    IF TG_OP = 'UPDATE' AND OLD.contact_id IS DISTINCT FROM NEW.contact_id THEN
      INSERT INTO segment_dirty (workspace_id, contact_id) VALUES (OLD.workspace_id, OLD.contact_id) ON CONFLICT DO NOTHING;
    END IF;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER deal_contacts_segment_dirty AFTER INSERT OR UPDATE OR DELETE ON deal_contacts FOR EACH ROW EXECUTE FUNCTION segment_mark_link();
--> statement-breakpoint
CREATE TRIGGER list_members_segment_dirty AFTER INSERT OR UPDATE OR DELETE ON list_members FOR EACH ROW EXECUTE FUNCTION segment_mark_link();
--> statement-breakpoint
-- Erasure and merges delete contacts: their memberships, history and list entries go with them.
ALTER TABLE segment_members ADD CONSTRAINT segment_members_segment_fk FOREIGN KEY (segment_id) REFERENCES segments(id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE segment_members ADD CONSTRAINT segment_members_contact_fk FOREIGN KEY (contact_id) REFERENCES contacts(id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE segment_history ADD CONSTRAINT segment_history_segment_fk FOREIGN KEY (segment_id) REFERENCES segments(id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE segment_history ADD CONSTRAINT segment_history_contact_fk FOREIGN KEY (contact_id) REFERENCES contacts(id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE list_members ADD CONSTRAINT list_members_list_fk FOREIGN KEY (list_id) REFERENCES contact_lists(id) ON DELETE CASCADE;
--> statement-breakpoint
ALTER TABLE list_members ADD CONSTRAINT list_members_contact_fk FOREIGN KEY (contact_id) REFERENCES contacts(id) ON DELETE CASCADE;
