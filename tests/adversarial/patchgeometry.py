#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""patchgeometry.py FILE.gpkg LAYER SENTINEL VALUE

Every coordinate equal to SENTINEL in LAYER's geometries becomes VALUE (nan, inf, 1e300...):
what no WKT reader accepts, written the way a broken tool would write it. The R-tree keeps
the finite coordinates' extent."""
import math, sqlite3, struct, sys

def coords(wkb):
    """Every (x, y) of a 2D WKB geometry."""
    out = []
    def geom(o):
        le = wkb[o] == 1; e = '<' if le else '>'
        t = struct.unpack_from(e + 'I', wkb, o + 1)[0] % 1000; o += 5
        def pts(o):
            n = struct.unpack_from(e + 'I', wkb, o)[0]; o += 4
            for _ in range(n):
                out.append(struct.unpack_from(e + 'dd', wkb, o)); o += 16
            return o
        if t == 1:
            out.append(struct.unpack_from(e + 'dd', wkb, o)); return o + 16
        if t == 2: return pts(o)
        if t == 3:
            n = struct.unpack_from(e + 'I', wkb, o)[0]; o += 4
            for _ in range(n): o = pts(o)
            return o
        n = struct.unpack_from(e + 'I', wkb, o)[0]; o += 4
        for _ in range(n): o = geom(o)
        return o
    geom(0)
    return out

def body(blob):
    flags = blob[3]; env = (flags >> 1) & 7
    return blob[8 + {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[env]:]

def extreme(f, i):
    def fn(blob):
        vals = [c[i] for c in coords(body(blob)) if math.isfinite(c[i])]
        return f(vals) if vals else 0.0
    return fn

path, table, sentinel, value = sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4])
db = sqlite3.connect(path)
db.create_function('ST_IsEmpty', 1, lambda b: 0 if b else 1)
for name, f, i in (('ST_MinX', min, 0), ('ST_MaxX', max, 0), ('ST_MinY', min, 1), ('ST_MaxY', max, 1)):
    db.create_function(name, 1, extreme(f, i))
col = db.execute("SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?", (table,)).fetchone()[0]
n = 0
for fid, blob in db.execute(f'SELECT fid, "{col}" FROM "{table}"').fetchall():
    if blob is None: continue
    new = blob.replace(struct.pack('<d', sentinel), struct.pack('<d', value))
    if new != blob:
        n += 1
        db.execute(f'UPDATE "{table}" SET "{col}" = ? WHERE fid = ?', (new, fid))
db.commit()
if n == 0:
    sys.exit(f'{path}: no coordinate {sentinel} in {table}')
