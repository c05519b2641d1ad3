-- SPDX-License-Identifier: GPL-2.0-or-later
-- schema 5: the signed ledger. Entries of several kinds (decision, countersign, key, key_revoke,
-- version, pillars, finding, change) carry a payload, their signer and the sealed canonical
-- bytes; JSON columns and change summaries are stored as the exact text given (not jsonb, which
-- would rewrite it); content rows name the entry that recorded them. The database chains
-- entries itself, moves the head in a trigger (delegations no longer write limes.meta at all)
-- and lets a delegation insert only entries its own party signs.
SET LOCAL limes.migration = 'on';

DROP POLICY own_positions ON limes.ledger;
ALTER TABLE limes.ledger
  ALTER COLUMN segment DROP NOT NULL, ALTER COLUMN protocol DROP NOT NULL, ALTER COLUMN meeting_date DROP NOT NULL,
  ALTER COLUMN decision DROP NOT NULL, ALTER COLUMN positions DROP NOT NULL, ALTER COLUMN signatories DROP NOT NULL,
  ALTER COLUMN attachments DROP NOT NULL,
  ALTER COLUMN positions TYPE text USING positions::text, ALTER COLUMN signatories TYPE text USING signatories::text,
  ALTER COLUMN attachments TYPE text USING attachments::text,
  ADD COLUMN kind text NOT NULL DEFAULT 'decision'
    CHECK (kind IN ('decision', 'countersign', 'key', 'key_revoke', 'version', 'pillars', 'finding', 'change')),
  ADD COLUMN payload text, ADD COLUMN signer_party text, ADD COLUMN signer_key text, ADD COLUMN signature text, ADD COLUMN sealed text;
ALTER TABLE limes.ledger ALTER COLUMN kind DROP DEFAULT;

-- a delegation inserts only entries signed for its own party, recording only its own position;
-- the secretariat (limes_admin) any
CREATE POLICY own_entries ON limes.ledger FOR INSERT TO limes_delegation
  WITH CHECK (signer_party = limes.my_party()
    AND (positions IS NULL OR NOT EXISTS (SELECT 1 FROM jsonb_object_keys(positions::jsonb) k WHERE k <> limes.my_party())));

-- each entry follows the last one: its id is the next and its previous_hash that entry's hash
CREATE FUNCTION limes.chain_entry() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE last_id bigint; last_hash text;
BEGIN
  SELECT id, hash INTO last_id, last_hash FROM limes.ledger ORDER BY id DESC LIMIT 1;
  IF NEW.id IS DISTINCT FROM COALESCE(last_id, 0) + 1 OR NEW.previous_hash IS DISTINCT FROM COALESCE(last_hash, repeat('0', 64)) THEN
    RAISE EXCEPTION 'ledger entry % does not follow entry % of the chain', NEW.id, COALESCE(last_id, 0) USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER chained BEFORE INSERT ON limes.ledger FOR EACH ROW EXECUTE FUNCTION limes.chain_entry();

-- the recorded head moves with each entry, written by the database rather than the delegation
CREATE FUNCTION limes.move_head() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
BEGIN
  UPDATE limes.meta SET value = NEW.hash WHERE key = 'ledger_head';
  UPDATE limes.meta SET value = NEW.id::text WHERE key = 'ledger_entries';
  RETURN NULL;
END $$;
CREATE TRIGGER head AFTER INSERT ON limes.ledger FOR EACH ROW EXECUTE FUNCTION limes.move_head();

-- limes.meta (the schema version among it) changes only in a migration by the administrator
-- or the owner, and the head only through the trigger above
REVOKE UPDATE ON limes.meta FROM limes_delegation;
CREATE FUNCTION limes.guard_meta() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND pg_trigger_depth() > 1 AND OLD.key IN ('ledger_head', 'ledger_entries') AND NEW.key = OLD.key THEN
    RETURN NEW;
  END IF;
  IF current_setting('limes.migration', true) = 'on' AND (pg_has_role(session_user, 'limes_admin', 'MEMBER')
     OR pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = 'limes.meta'::regclass), 'MEMBER')) THEN
    RETURN COALESCE(NEW, OLD);
  END IF;
  RAISE EXCEPTION 'limes.meta changes only in a schema migration by the administrator' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER guard BEFORE INSERT OR UPDATE OR DELETE ON limes.meta FOR EACH ROW EXECUTE FUNCTION limes.guard_meta();

-- content names the entry that recorded it; summaries are kept as the bytes given
ALTER TABLE limes.line_versions ADD COLUMN ledger_entry bigint;
ALTER TABLE limes.pillars ADD COLUMN ledger_entry bigint;
ALTER TABLE limes.validation_exceptions ADD COLUMN ledger_entry bigint;
ALTER TABLE limes.change_results ADD COLUMN ledger_entry bigint, ALTER COLUMN summary TYPE text USING summary::text;

-- what was there before signatures: listed by verify as not covered, not as tampering
INSERT INTO limes.meta VALUES ('legacy_ids', format('{"change_results":%s,"line_versions":%s,"pillars":%s,"validation_exceptions":%s}',
  (SELECT COALESCE(max(id), 0) FROM limes.change_results), (SELECT COALESCE(max(id), 0) FROM limes.line_versions),
  (SELECT COALESCE(max(id), 0) FROM limes.pillars), (SELECT COALESCE(max(id), 0) FROM limes.validation_exceptions)));
UPDATE limes.meta SET value = '5' WHERE key = 'schema_version';
