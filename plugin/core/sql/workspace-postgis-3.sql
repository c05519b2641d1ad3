-- SPDX-License-Identifier: GPL-2.0-or-later
-- schema 3: pillars (the secretariat's) and change results kept against their versions.
CREATE TABLE limes.pillars (id bigserial PRIMARY KEY, number text NOT NULL UNIQUE, type text,
  segment text REFERENCES limes.segments(code), geom geometry(Point, 4326) NOT NULL,
  surveyed_lon double precision, surveyed_lat double precision, survey_accuracy_m double precision, survey_date date,
  author text NOT NULL DEFAULT current_user, row_version integer NOT NULL DEFAULT 1);
CREATE TABLE limes.change_results (id bigserial PRIMARY KEY, old_version text NOT NULL REFERENCES limes.line_versions(name),
  new_version text NOT NULL REFERENCES limes.line_versions(name), summary jsonb NOT NULL,
  author text NOT NULL DEFAULT current_user, recorded timestamptz NOT NULL DEFAULT now());

CREATE TRIGGER bump BEFORE UPDATE ON limes.pillars FOR EACH ROW EXECUTE FUNCTION limes.bump_row_version();
GRANT SELECT ON limes.pillars, limes.change_results TO limes_delegation;
GRANT INSERT ON limes.change_results TO limes_delegation;
GRANT ALL ON limes.pillars, limes.change_results TO limes_admin;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA limes TO limes_delegation, limes_admin;
UPDATE limes.meta SET value = '3' WHERE key = 'schema_version';
