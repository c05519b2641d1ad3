-- SPDX-License-Identifier: GPL-2.0-or-later
-- Limes commission workspace on PostgreSQL/PostGIS, schema 1: parties, segments, the ledger,
-- accepted findings (the GeoPackage model). Later schemas are in workspace-postgis-N.sql.
-- The database itself enforces what the delegations may do: grants, row-level security and
-- triggers, not only Limes. Applied in one transaction by `limes workspace init`.
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE SCHEMA limes;

DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'limes_admin') THEN CREATE ROLE limes_admin NOLOGIN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'limes_delegation') THEN CREATE ROLE limes_delegation NOLOGIN; END IF;
END $$;

CREATE TABLE limes.meta (key text PRIMARY KEY, value text NOT NULL);
INSERT INTO limes.meta VALUES ('schema_version', '1'), ('ledger_entries', '0'),
  ('ledger_head', '0000000000000000000000000000000000000000000000000000000000000000');

-- a party's delegation logs in with roles that are members of the party's role
CREATE TABLE limes.parties (code text PRIMARY KEY, name text NOT NULL, local_name text, colour text,
  role name NOT NULL UNIQUE, row_version integer NOT NULL DEFAULT 1);
CREATE TABLE limes.segments (code text PRIMARY KEY, seq integer NOT NULL, row_version integer NOT NULL DEFAULT 1);
CREATE TABLE limes.ledger (id bigint PRIMARY KEY, segment text NOT NULL REFERENCES limes.segments(code),
  protocol text NOT NULL, meeting_date date NOT NULL CHECK (meeting_date <= current_date), place text,
  decision text NOT NULL CHECK (decision IN ('agreed', 'disputed', 'deferred', 'referred')), agreed_version text,
  positions jsonb NOT NULL, signatories jsonb NOT NULL, attachments jsonb NOT NULL, supersedes bigint REFERENCES limes.ledger(id),
  author text NOT NULL, recorded_utc text NOT NULL, previous_hash text NOT NULL, hash text NOT NULL);
CREATE TABLE limes.validation_exceptions (id bigserial PRIMARY KEY, rule text NOT NULL, layer text NOT NULL, fid bigint NOT NULL,
  reason text NOT NULL, author text NOT NULL DEFAULT current_user, recorded timestamptz NOT NULL DEFAULT now());

-- the party the connected role speaks for
CREATE FUNCTION limes.my_party() RETURNS text LANGUAGE sql STABLE AS
  $$ SELECT code FROM limes.parties WHERE pg_has_role(current_user, role, 'MEMBER') ORDER BY code LIMIT 1 $$;

-- optimistic locking: every update of a row bumps its version; a writer that read version n
-- updates "WHERE row_version = n" and learns of a conflict from zero rows updated
CREATE FUNCTION limes.bump_row_version() RETURNS trigger LANGUAGE plpgsql AS
  $$ BEGIN NEW.row_version := OLD.row_version + 1; RETURN NEW; END $$;
CREATE TRIGGER bump BEFORE UPDATE ON limes.parties FOR EACH ROW EXECUTE FUNCTION limes.bump_row_version();
CREATE TRIGGER bump BEFORE UPDATE ON limes.segments FOR EACH ROW EXECUTE FUNCTION limes.bump_row_version();

-- the ledger is append-only for everyone but the administrator who migrates the schema
CREATE FUNCTION limes.refuse_ledger_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF pg_has_role(session_user, 'limes_admin', 'MEMBER') AND current_setting('limes.migration', true) = 'on' THEN
    RETURN COALESCE(NEW, OLD);
  END IF;
  RAISE EXCEPTION 'the ledger is append-only: record a correcting entry (entry %)', OLD.id USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER append_only BEFORE UPDATE OR DELETE ON limes.ledger FOR EACH ROW EXECUTE FUNCTION limes.refuse_ledger_change();
CREATE TRIGGER append_only_truncate BEFORE TRUNCATE ON limes.ledger FOR EACH STATEMENT EXECUTE FUNCTION limes.refuse_ledger_change();

-- what delegations may touch
GRANT USAGE ON SCHEMA limes TO limes_delegation, limes_admin;
GRANT SELECT ON ALL TABLES IN SCHEMA limes TO limes_delegation;
GRANT INSERT ON limes.ledger, limes.validation_exceptions TO limes_delegation;
GRANT UPDATE (value) ON limes.meta TO limes_delegation; -- the ledger head, kept with each entry
GRANT USAGE ON ALL SEQUENCES IN SCHEMA limes TO limes_delegation;
GRANT ALL ON ALL TABLES IN SCHEMA limes TO limes_admin;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA limes TO limes_admin;

-- a ledger entry records the positions only of the party that writes it, or of every party
-- when its author is the administrator taking down a signed protocol
ALTER TABLE limes.ledger ENABLE ROW LEVEL SECURITY;
CREATE POLICY read ON limes.ledger FOR SELECT USING (true);
CREATE POLICY own_positions ON limes.ledger FOR INSERT TO limes_delegation
  WITH CHECK (NOT EXISTS (SELECT 1 FROM jsonb_object_keys(positions) k WHERE k <> limes.my_party()));
CREATE POLICY admin ON limes.ledger TO limes_admin USING (true) WITH CHECK (true);

-- adding a party creates the role its delegation's logins join
CREATE FUNCTION limes.add_party(p_code text, p_name text, p_local_name text DEFAULT NULL, p_colour text DEFAULT NULL)
RETURNS name LANGUAGE plpgsql AS $$
DECLARE r name := 'limes_party_' || lower(p_code);
BEGIN
  IF p_code !~ '^[A-Za-z]{2,8}$' THEN RAISE EXCEPTION 'party code % is not 2 to 8 letters', p_code; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
    EXECUTE format('CREATE ROLE %I NOLOGIN IN ROLE limes_delegation', r);
  END IF;
  INSERT INTO limes.parties (code, name, local_name, colour, role) VALUES (p_code, p_name, p_local_name, p_colour, r);
  RETURN r;
END $$;
