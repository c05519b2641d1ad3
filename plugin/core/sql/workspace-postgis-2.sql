-- SPDX-License-Identifier: GPL-2.0-or-later
-- schema 2: line versions and their geometry; a delegation writes its own claims only.
CREATE TABLE limes.line_versions (id bigserial PRIMARY KEY, name text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('historical', 'claim', 'draft', 'agreed', 'ratified')),
  owner_party text REFERENCES limes.parties(code), source text, version_date date, notes text,
  left_party text REFERENCES limes.parties(code), right_party text REFERENCES limes.parties(code),
  author text NOT NULL DEFAULT current_user, recorded timestamptz NOT NULL DEFAULT now(),
  row_version integer NOT NULL DEFAULT 1,
  CHECK (kind <> 'claim' OR owner_party IS NOT NULL));
CREATE TABLE limes.version_lines (id bigserial PRIMARY KEY,
  version_id bigint NOT NULL REFERENCES limes.line_versions(id) ON DELETE CASCADE,
  segment text REFERENCES limes.segments(code), part integer NOT NULL, geom geometry(LineString, 4326) NOT NULL);
CREATE INDEX ON limes.version_lines USING gist (geom);
CREATE TRIGGER bump BEFORE UPDATE ON limes.line_versions FOR EACH ROW EXECUTE FUNCTION limes.bump_row_version();
GRANT SELECT ON limes.line_versions, limes.version_lines TO limes_delegation;
GRANT INSERT, UPDATE, DELETE ON limes.line_versions, limes.version_lines TO limes_delegation;
GRANT ALL ON limes.line_versions, limes.version_lines TO limes_admin;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA limes TO limes_delegation, limes_admin;
-- a delegation writes its own claims, never the other party's
ALTER TABLE limes.line_versions ENABLE ROW LEVEL SECURITY;
CREATE POLICY read ON limes.line_versions FOR SELECT USING (true);
CREATE POLICY write_own ON limes.line_versions FOR ALL TO limes_delegation
  USING (kind <> 'claim' OR owner_party = limes.my_party())
  WITH CHECK (kind <> 'claim' OR owner_party = limes.my_party());
CREATE POLICY admin ON limes.line_versions TO limes_admin USING (true) WITH CHECK (true);
ALTER TABLE limes.version_lines ENABLE ROW LEVEL SECURITY;
CREATE POLICY read ON limes.version_lines FOR SELECT USING (true);
CREATE POLICY write_own ON limes.version_lines FOR ALL TO limes_delegation
  USING (EXISTS (SELECT 1 FROM limes.line_versions v WHERE v.id = version_id AND (v.kind <> 'claim' OR v.owner_party = limes.my_party())))
  WITH CHECK (EXISTS (SELECT 1 FROM limes.line_versions v WHERE v.id = version_id AND (v.kind <> 'claim' OR v.owner_party = limes.my_party())));
CREATE POLICY admin ON limes.version_lines TO limes_admin USING (true) WITH CHECK (true);
UPDATE limes.meta SET value = '2' WHERE key = 'schema_version';
