-- SPDX-License-Identifier: GPL-2.0-or-later
-- schema 6: a version's edge interpretation, what the treaty makes of an edge between two of its
-- vertices ('geodesic', 'rhumb', 'projected', 'projected:AUTH:CODE'); NULL: not recorded (every
-- version imported before). Sealed in the version's ledger entry when recorded.
ALTER TABLE limes.line_versions ADD COLUMN edges text;
UPDATE limes.meta SET value = '6' WHERE key = 'schema_version';
