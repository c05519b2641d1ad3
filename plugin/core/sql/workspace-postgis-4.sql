-- SPDX-License-Identifier: GPL-2.0-or-later
-- schema 4: where a segment runs, along the line and between which points.
ALTER TABLE limes.segments ADD COLUMN chainage_from_m double precision, ADD COLUMN chainage_to_m double precision,
  ADD COLUMN from_point text, ADD COLUMN to_point text;
UPDATE limes.meta SET value = '4' WHERE key = 'schema_version';
