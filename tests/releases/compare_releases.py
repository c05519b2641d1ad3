#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Compares the sample summaries that tests/releases/sample_results.sh wrote under each
QGIS release (one directory per release): every string and count equal, every number within
1e-9 relative (1e-6 absolute for values near zero: millimetre rounding); provenance (which
names each release's library versions) is left out. A number that differs by more than 1e-9
but less than 1e-6 relative is listed as a note (GEOS and PROJ releases differ in the last
digits: docs/install.md); beyond 1e-6 it fails. One quantity is an approximation by
construction and is held to its stated accuracy instead: the width of a territory gap or
overlap (GEOS's maximum inscribed circle, to max(tolerance / 10, 1 mm): the rule's text in
docs/validation-rules.md), whose algorithm changed between GEOS 3.11 and 3.13; the finding's
value and the width in its message may differ by that much plus the printed rounding, and
everything else in the finding is compared as usual. Prints one line per difference.
    compare_releases.py DIR DIR [DIR...]"""
import json
import os
import re
import sys

REL = 1e-9       # the target: listed when exceeded
REL_FAIL = 1e-6  # what the test suites hold every release to
ABS = 1e-6
notes = []
WIDTH_RULES = {'territory_gap', 'territory_overlap'}
WIDTH_TEXT = re.compile(r'up to ([0-9.]+) m wide')


def width_finding(a, b, path, out):
    """A territory finding, its width held to the maximum inscribed circle's accuracy."""
    accuracy = max(a['tolerance'] / 10, 0.001)
    if abs(a['value'] - b['value']) > accuracy + 0.0005:      # value: 3 decimals
        out.append('%s.value: %r vs %r (beyond the width accuracy %g m)' % (path, a['value'], b['value'], accuracy))
    wa, wb = WIDTH_TEXT.findall(a['message']), WIDTH_TEXT.findall(b['message'])
    if (WIDTH_TEXT.sub('', a['message']) != WIDTH_TEXT.sub('', b['message']) or len(wa) != len(wb)
            or any(abs(float(x) - float(y)) > accuracy + 0.005 for x, y in zip(wa, wb))):   # message: 2 decimals
        out.append('%s.message: %r vs %r' % (path, a['message'], b['message']))
    rest = lambda f: {k: v for k, v in f.items() if k not in ('value', 'message')}  # noqa: E731
    diff(rest(a), rest(b), path, out)


def diff(a, b, path, out):
    if (isinstance(a, dict) and isinstance(b, dict) and a.get('rule') in WIDTH_RULES
            and a.get('rule') == b.get('rule') and 'value' in a and 'value' in b):
        width_finding(a, b, path, out)
    elif isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            if k == 'provenance':
                continue
            if k not in a or k not in b:
                out.append('%s.%s: only in one' % (path, k))
            else:
                diff(a[k], b[k], '%s.%s' % (path, k), out)
    elif isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            out.append('%s: %d vs %d items' % (path, len(a), len(b)))
        for i, (x, y) in enumerate(zip(a, b)):
            diff(x, y, '%s[%d]' % (path, i), out)
    elif isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        scale = max(abs(a), abs(b))
        if abs(a - b) > max(ABS, REL_FAIL * scale):
            out.append('%s: %r vs %r (relative %.2e)' % (path, a, b, abs(a - b) / scale))
        elif abs(a - b) > max(ABS, REL * scale):
            notes.append('%s: %r vs %r (relative %.2e)' % (path, a, b, abs(a - b) / scale))
    elif a != b:
        out.append('%s: %r vs %r' % (path, a, b))


def main(dirs):
    names = sorted(f for f in os.listdir(dirs[0]) if f.endswith('.json'))
    passed = failed = 0
    for d in dirs:
        with open(os.path.join(d, 'version.txt')) as f:
            print('%s: %s' % (d, ' '.join(f.read().split())))
    for name in names:
        base = json.load(open(os.path.join(dirs[0], name)))
        for d in dirs[1:]:
            path = os.path.join(d, name)
            if not os.path.exists(path):
                print('FAIL %s: missing in %s' % (name, d))
                failed += 1
                continue
            out = []
            diff(base, json.load(open(path)), name, out)
            if out:
                failed += 1
                print('FAIL %s: %s differs from %s:' % (name, d, dirs[0]))
                for line in out[:20]:
                    print('  ' + line)
            else:
                passed += 1
                print('ok   %s: %s agrees with %s' % (name, d, dirs[0]))
    for line in notes:
        print('note %s' % line)
    print('releases: %d numbers beyond 1e-9 relative (all within 1e-6)' % len(notes))
    if not names:
        failed += 1
        print('FAIL no summaries in %s' % dirs[0])
    print('releases: %d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
