#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""An insider's tools against the signed ledger (tests/adversarial/test_ledger_tamper.sh).

Written from the specification in docs/workspace.md, not from Limes' code: canonical bytes
are Python's json.dumps(sort_keys=True, separators=(",", ":"), ensure_ascii=False), hashes
hashlib's SHA-256, signatures openssl's Ed25519. Reads the ledger's rows as JSON (sqlite3 -json,
or PostgreSQL's json_agg) and prints the SQL that rewrites them as the attack needs, for the
GeoPackage ("gpkg") or PostgreSQL ("pg"); the test runs it with the triggers out of the way.

  forge ATTACK ROWS.json DIALECT [ARGS...]
    reseal ID FIELD VALUE       payload FIELD of entry ID set to VALUE; sealed bytes, hash,
                                every later entry's link and hash, and the recorded head
                                recomputed (the signatures cannot be)
    forge-agreed SEGMENT PARTY  a new last entry: an agreement with invented signatories,
                                "signed" for PARTY with PARTY's registered fingerprint
    swap-key ID PEM             key entry ID given the public key of PEM, resealed and relinked
    resign-all DIR              the whole chain rewritten and signed with the keys
                                DIR/TJ.pem, DIR/KG.pem and DIR/SECRETARIAT.pem (registered in
                                place of the real ones), KG's position in the first decision changed
  shift-gpkg FILE TABLE WHERE DX  (GeoPackage) every x of the geometries WHERE selects moved by DX degrees
"""
import hashlib
import json
import os
import sqlite3
import struct
import subprocess
import sys
import tempfile

ZERO = "0" * 64
DECISION_COLUMNS = ("segment", "protocol", "meeting_date", "place", "decision", "agreed_version", "positions", "signatories",
                    "attachments", "supersedes")


def canonical(value):
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def public_key(pem):
    der = subprocess.run(["openssl", "pkey", "-in", pem, "-pubout", "-outform", "DER"], check=True, capture_output=True).stdout
    return der[-32:]


def sign(pem, message):
    with tempfile.TemporaryDirectory() as d:
        msg, sig = os.path.join(d, "m"), os.path.join(d, "s")
        with open(msg, "wb") as f:
            f.write(message)
        subprocess.run(["openssl", "pkeyutl", "-sign", "-inkey", pem, "-rawin", "-in", msg, "-out", sig], check=True)
        with open(sig, "rb") as f:
            return f.read().hex()


def sealed_of(row):
    header = {k: row[k] for k in ("author", "id", "kind", "previous_hash", "recorded_utc", "signer_key", "signer_party")}
    header["payload"] = json.loads(row["payload"])
    header["v"] = 2
    return canonical(header)


def view_columns(row):
    """A decision's columns as Limes writes them from its payload (empty for other kinds)."""
    if row["kind"] != "decision":
        return
    p = json.loads(row["payload"])
    for k in ("segment", "protocol", "meeting_date", "place", "decision", "agreed_version"):
        row[k] = p[k]
    for k in ("positions", "signatories", "attachments"):
        row[k] = canonical(p[k]).decode("utf-8")
    row["supersedes"] = p["supersedes"]


def reseal(row, previous):
    row["previous_hash"] = previous
    row["sealed"] = sealed_of(row).decode("utf-8")
    row["hash"] = sha256(row["sealed"].encode("utf-8"))
    return row["hash"]


def relink(rows, start):
    previous = rows[start - 1]["hash"] if start > 0 else ZERO
    for row in rows[start:]:
        previous = reseal(row, previous)


class Sql:
    def __init__(self, dialect):
        self.ledger = "ledger" if dialect == "gpkg" else "limes.ledger"
        self.meta = "limes_meta" if dialect == "gpkg" else "limes.meta"
        self.out = []

    @staticmethod
    def literal(v):
        if v is None:
            return "NULL"
        if isinstance(v, int):
            return str(v)
        return "'" + str(v).replace("'", "''") + "'"

    def update(self, row, columns):
        sets = ", ".join("%s = %s" % (c, self.literal(row[c])) for c in columns)
        self.out.append("UPDATE %s SET %s WHERE id = %d;" % (self.ledger, sets, row["id"]))

    def insert(self, row):
        cols = [c for c in row if row[c] is not None]
        self.out.append("INSERT INTO %s (%s) VALUES (%s);" % (self.ledger, ", ".join(cols), ", ".join(self.literal(row[c]) for c in cols)))

    def head(self, rows):
        self.out.append("UPDATE %s SET value = %s WHERE key = 'ledger_head';" % (self.meta, self.literal(rows[-1]["hash"])))
        self.out.append("UPDATE %s SET value = %s WHERE key = 'ledger_entries';" % (self.meta, self.literal(str(rows[-1]["id"]))))

    def rewrite(self, rows, start):
        for row in rows[start:]:
            self.update(row, ("previous_hash", "sealed", "hash", "payload", "signer_key", "signature") + DECISION_COLUMNS)
        self.head(rows)


def index_of(rows, entry):
    return next(i for i, r in enumerate(rows) if r["id"] == entry)


def attack_reseal(rows, sql, entry, field, value):
    i = index_of(rows, int(entry))
    payload = json.loads(rows[i]["payload"])
    payload[field] = json.loads(value)
    rows[i]["payload"] = canonical(payload).decode("utf-8")
    view_columns(rows[i])
    relink(rows, i)
    sql.rewrite(rows, i)


def attack_forge_agreed(rows, sql, segment, party):
    key = next(json.loads(r["payload"]) for r in rows if r["kind"] == "key" and json.loads(r["payload"])["party"] == party)
    payload = {"agreed_version": "", "agreed_version_sha256": "", "attachments": {}, "decision": "agreed", "meeting_date": "2025-02-03",
               "place": "Batken", "positions": {}, "protocol": "99", "segment": segment,
               "signatories": {"KG": ["Invented Signatory"], "TJ": ["Invented Signatory"]}, "supersedes": None}
    row = {k: None for k in rows[-1]}
    row.update({"id": rows[-1]["id"] + 1, "kind": "decision", "author": "forger", "recorded_utc": "2025-03-01T10:00:00.000Z",
                "payload": canonical(payload).decode("utf-8"), "signer_party": party, "signer_key": key["fingerprint"],
                "signature": os.urandom(64).hex()})
    view_columns(row)
    reseal(row, rows[-1]["hash"])
    rows.append(row)
    sql.insert(row)
    sql.head(rows)


def attack_swap_key(rows, sql, entry, pem):
    i = index_of(rows, int(entry))
    raw = public_key(pem)
    payload = json.loads(rows[i]["payload"])
    payload["public_key"] = raw.hex()
    payload["fingerprint"] = "SHA256:" + sha256(raw)
    rows[i]["payload"] = canonical(payload).decode("utf-8")
    rows[i]["signer_key"] = payload["fingerprint"]
    relink(rows, i)
    sql.rewrite(rows, i)


def attack_resign_all(rows, sql, keydir):
    keys = {}
    for party in ("TJ", "KG", "SECRETARIAT"):
        pem = os.path.join(keydir, party + ".pem")
        raw = public_key(pem)
        keys[party] = (pem, raw.hex(), "SHA256:" + sha256(raw))
    changed = False
    previous = ZERO
    for row in rows:
        payload = json.loads(row["payload"])
        if row["kind"] == "key":
            pem, pub, fp = keys[payload["party"]]
            payload.update({"public_key": pub, "fingerprint": fp, "endorsement": None})
        elif row["kind"] == "decision" and not changed and "KG" in payload["positions"]:
            payload["positions"]["KG"] = "KG accepts the TJ claim line"  # what the forger wanted
            changed = True
        elif row["kind"] == "countersign":
            payload["entry_hash"] = next(r["hash"] for r in rows if r["id"] == payload["entry"])
        row["payload"] = canonical(payload).decode("utf-8")
        view_columns(row)
        pem, _, fp = keys[row["signer_party"]]
        row["signer_key"] = fp
        previous = reseal(row, previous)
        row["signature"] = sign(pem, row["sealed"].encode("utf-8"))
    sql.rewrite(rows, 0)


def shift_gpkg(path, table, where, dx):
    """Moves every x ordinate of the GeoPackage geometries selected (little- or big-endian WKB, 2D)."""
    db = sqlite3.connect(path)
    envelope = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}
    for fid, blob in db.execute("SELECT fid, geom FROM %s WHERE %s" % (table, where)).fetchall():
        blob = bytearray(blob)
        start = 8 + envelope[(blob[3] >> 1) & 7]
        order = "<" if blob[start] == 1 else ">"
        kind = struct.unpack_from(order + "I", blob, start + 1)[0] % 1000
        offset, count = start + 5, 1
        if kind == 2:
            count = struct.unpack_from(order + "I", blob, offset)[0]
            offset += 4
        for k in range(count):
            x = struct.unpack_from(order + "d", blob, offset + 16 * k)[0]
            struct.pack_into(order + "d", blob, offset + 16 * k, x + dx)
        db.execute("UPDATE %s SET geom = ? WHERE fid = ?" % table, (bytes(blob), fid))
    db.commit()
    db.close()


def main(argv):
    if argv[1] == "shift-gpkg":
        shift_gpkg(argv[2], argv[3], argv[4], float(argv[5]))
        return 0
    attack, rows_file, dialect = argv[1], argv[2], argv[3]
    with open(rows_file, encoding="utf-8") as f:
        rows = json.load(f)
    for row in rows:
        if row.get("supersedes") is not None:
            row["supersedes"] = int(row["supersedes"])
    sql = Sql(dialect)
    {"reseal": attack_reseal, "forge-agreed": attack_forge_agreed, "swap-key": attack_swap_key,
     "resign-all": attack_resign_all}[attack](rows, sql, *argv[4:])
    sys.stdout.write("\n".join(sql.out) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
