-- SPDX-License-Identifier: GPL-2.0-or-later
-- schema 7: a ledger entry of kind segment_split records that a segment became two (the two new
-- segment rows are appended beside the old one, which stays; docs/workspace.md).
ALTER TABLE limes.ledger DROP CONSTRAINT ledger_kind_check, ADD CONSTRAINT ledger_kind_check
  CHECK (kind IN ('decision', 'countersign', 'key', 'key_revoke', 'version', 'pillars', 'finding', 'change', 'segment_split'));
UPDATE limes.meta SET value = '7' WHERE key = 'schema_version';
