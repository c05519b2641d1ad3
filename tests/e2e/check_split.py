# SPDX-License-Identifier: GPL-2.0-or-later
"""Runs inside the real QGIS desktop (qgis.bin --code): Split Segment on the sample workspace,
driven by mouse and key events sent to the Segments dock, the map canvas and the form. S-003
is chosen in the Segments dock and Split… starts the map tool; a click on nothing says so in
the message bar; hovering near pillar 19 highlights it; a click a few pixels beside it proposes
S-003a and S-003b in the form, whose codes are typed again; Split signs with the secretariat's
key (the key dialog filled as a person does). The workspace then holds the two new segment
rows beside the old one and a segment_split entry at pillar 19; the Segments dock and layer
show S-003a and S-003b (with the old status, the old course cut at the pillar) instead of
S-003; the message bar says what was recorded; `limes workspace verify` is clean; the
Validate dock on the workspace's line and segments reports no finding of the segment rules;
a second split of S-003a at its own end is refused in the message bar with nothing stored;
Esc ends the tool. A screenshot per step (NN-*.png). The workspace and keys come from
prepare_workspace.sh (OUT/data)."""
import json
import os
import sqlite3
import subprocess
import sys

from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject, QgsRectangle
from qgis.gui import QgsVertexMarker
from qgis.PyQt.QtCore import QPoint, Qt, QTimer
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QAbstractButton, QApplication, QDialog, QDialogButtonBox, QDockWidget, QLabel, QLineEdit, QPushButton, QTableView, QTextBrowser, QTreeWidget
from qgis.utils import iface

sys.path.insert(0, os.environ['LIMES_E2E_DIR'])
from limes_e2e import OUT, action, begin, button, check, choose, click, modal, shot, step, win  # noqa: E402

DATA = os.path.join(OUT, 'data')
WS = os.path.join(DATA, 'fergana-workspace.gpkg')
KEYS = os.path.join(DATA, 'keys')
GROUP = 'Limes — fergana-workspace'
WGS84 = QgsCoordinateReferenceSystem('EPSG:4326')
CLI = os.environ['LIMES_E2E_CLI']
SEGMENT_RULES = ('segment_', 'line_not_covered')

state = {}


def limes_layer(name):
    group = QgsProject.instance().layerTreeRoot().findGroup(GROUP)
    for node in (group.findLayers() if group else []):
        if node.layer() is not None and node.layer().name() == name:
            return node.layer()
    return None


def segment_features():
    return {f['code']: f for f in limes_layer('Segments').getFeatures()}


def to_map(lon, lat):
    t = QgsCoordinateTransform(WGS84, iface.mapCanvas().mapSettings().destinationCrs(), QgsProject.instance())
    return t.transform(QgsPointXY(lon, lat))


def pixel(lon, lat):
    p = iface.mapCanvas().getCoordinateTransform().transform(to_map(lon, lat))
    return QPoint(int(round(p.x())), int(round(p.y())))


def click_canvas(at):
    viewport = iface.mapCanvas().viewport()
    QTest.mouseMove(viewport, at)
    QTest.qWait(150)
    QTest.mouseClick(viewport, Qt.LeftButton, Qt.NoModifier, at)
    QTest.qWait(300)


def form():
    return win().findChild(QDialog, 'LimesSplitSegmentDialog')


def segments_dock():
    return win().findChild(QDockWidget, 'LimesSegmentsDock')


def dock_codes():
    view = segments_dock().findChild(QTableView, 'mSegmentsTable')
    model = view.model()
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def dock_row(code):
    view = segments_dock().findChild(QTableView, 'mSegmentsTable')
    model = view.model()
    for r in range(model.rowCount()):
        if model.index(r, 0).data() == code:
            return [model.index(r, c).data() for c in range(model.columnCount())]
    return None


def message_bar_text():
    item = iface.messageBar().currentItem()
    return (item.title() + ' ' + item.text()) if item is not None else ''


def markers():
    return [i for i in iface.mapCanvas().scene().items() if isinstance(i, QgsVertexMarker) and i.isVisible()]


def query(sql, *args):
    con = sqlite3.connect(WS)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def key_dialog(d):
    from qgis.gui import QgsFileWidget
    edit = d.findChild(QgsFileWidget).lineEdit()
    edit.clear()
    click(edit)
    QTest.keyClicks(edit, os.path.join(KEYS, 'secretariat.key'))
    passphrase = d.findChild(QLineEdit, 'mPassphrase')
    click(passphrase)
    QTest.keyClicks(passphrase, open(os.path.join(KEYS, 'passphrase.txt')).read())
    click(button(d, QDialogButtonBox.Ok))
    check('key_dialog_secretariat', not d.isVisible(), d.findChild(QLabel, 'mProblem').text())


def type_into(edit, text):
    click(edit)
    QTest.keyClick(edit, Qt.Key_A, Qt.ControlModifier)
    QTest.keyClicks(edit, text)
    QTest.qWait(150)


# ---------------------------------------------------------------- open the workspace

@step
def start():
    win().setGeometry(0, 0, 1600, 1000)
    check('sample_project', QgsProject.instance().read(os.environ['LIMES_E2E_PROJECT']))
    return 2000


@step
def open_workspace():
    def fill(d):
        edit = d.findChild(QLineEdit)
        click(edit)
        QTest.keyClicks(edit, WS)
        click(button(d, QDialogButtonBox.Open))
    modal(fill)
    QTimer.singleShot(0, action('mActionLimesOpen').trigger)
    return lambda: limes_layer('Segments') is not None and QApplication.activeModalWidget() is None


def validate_dock():
    return win().findChild(QDockWidget, 'LimesValidateDock')


def run_validation():
    from qgis.PyQt.QtWidgets import QComboBox
    dock = validate_dock()
    # the whole DCW line, which the sample's segments cover end to end (its per-segment copy, the
    # default, is parts the segment rules cannot follow from one part to the next)
    line = dock.findChild(QComboBox, 'mValidateLine')
    check('validate_line_dcw', line.currentText() == 'DCW (historical, workspace)' or choose(line, 'DCW (historical, workspace)'), line.currentText())
    check('validate_segments_workspace', dock.findChild(QComboBox, 'mValidateSegments') is None
          or dock.findChild(QComboBox, 'mValidateSegments').currentText() == 'Segments')
    run = dock.findChild(QAbstractButton, 'mValidateRun')
    click(run)   # the button stays disabled while the validation runs
    return lambda: run.isEnabled() and 'finding' in dock.findChild(QLabel, 'mValidateStatus').text()


def segment_findings():
    """The findings of the segment rules: (rule heading, finding text, measured)."""
    tree = validate_dock().findChild(QTreeWidget, 'mValidateFindings')
    found = []
    for i in range(tree.topLevelItemCount()):
        heading = tree.topLevelItem(i)
        if heading.text(0).startswith(SEGMENT_RULES):
            found += [(heading.text(0).split(' — ')[0], heading.child(c).text(0), heading.child(c).text(2)) for c in range(heading.childCount())]
    return found


@step
def validate_before_open():
    action('mActionLimesValidate').trigger()
    return 1000


@step
def validate_before():
    return run_validation()


@step
def validated_before():
    state['findings_before'] = segment_findings()
    check('segment_rules_pass_before', state['findings_before'] == [], state['findings_before'])
    check('validated_before', 'finding' in validate_dock().findChild(QLabel, 'mValidateStatus').text())
    return 300


@step
def choose_s003():
    segments_dock().raise_()
    pillar = [f for f in limes_layer('Pillars').getFeatures() if f['number'] == '19']
    check('pillar_19_shown', len(pillar) == 1)
    p = pillar[0].geometry().asPoint()
    state['pillar'] = (p.x(), p.y())
    state['segments_before'] = query('SELECT code, seq, chainage_from_m, chainage_to_m, from_point, to_point FROM segments ORDER BY rowid')
    state['entries_before'] = query('SELECT count(*) FROM ledger')[0][0]
    state['status_before'] = dock_row('S-003')[1] if dock_row('S-003') else None
    check('s003_listed', 'S-003' in dock_codes() and state['status_before'] == 'referred', (dock_codes(), state['status_before']))
    # a click on S-003's row in the Segments dock, as a person chooses it
    view = segments_dock().findChild(QTableView, 'mSegmentsTable')
    model = view.model()
    row = [r for r in range(model.rowCount()) if model.index(r, 0).data() == 'S-003'][0]
    view.scrollTo(model.index(row, 0))
    QTest.mouseClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, view.visualRect(model.index(row, 0)).center())
    QTest.qWait(800)
    centre = to_map(*state['pillar'])
    # about 1:25 000 around the pillar: the line's vertices and the pillar are tens of pixels apart
    iface.mapCanvas().setExtent(QgsRectangle(centre.x() - 1500, centre.y() - 900, centre.x() + 1500, centre.y() + 900))
    iface.mapCanvas().refresh()
    split = segments_dock().findChild(QPushButton, 'mSegmentsSplit')
    check('dock_split_enabled', split is not None and split.isEnabled())
    shot('01-s003-chosen-in-the-segments-dock')
    return 1500


@step
def start_tool():
    click(segments_dock().findChild(QPushButton, 'mSegmentsSplit'))
    QTest.qWait(500)
    tool = iface.mapCanvas().mapTool()
    check('tool_active', action('mActionLimesSplitSegment').isChecked() and tool is not None and tool.action() is action('mActionLimesSplitSegment'))
    return 300


@step
def click_on_nothing():
    at = pixel(*state['pillar'])
    click_canvas(QPoint(at.x() + 200, at.y() + 150))
    check('nothing_there', 'Nothing to split there: click a pillar or a vertex of S-003' in message_bar_text(), message_bar_text())
    check('no_form_yet', form() is None or not form().isVisible())
    return 300


@step
def hover_pillar_19():
    at = pixel(*state['pillar'])
    QTest.mouseMove(iface.mapCanvas().viewport(), QPoint(at.x() + 4, at.y() + 3))
    QTest.qWait(400)
    shown = markers()
    centre = to_map(*state['pillar'])
    check('pillar_highlighted', len(shown) == 1 and abs(shown[0].pos().x() - iface.mapCanvas().getCoordinateTransform().transform(centre).x()) < 1.5,
          [(m.pos().x(), m.pos().y()) for m in shown])
    shot('02-hovering-pillar-19-highlighted')
    return 300


@step
def click_pillar_19():
    at = pixel(*state['pillar'])
    click_canvas(QPoint(at.x() + 4, at.y() + 3))   # a few pixels beside it, as a hand clicks
    d = form()
    check('form_open', d is not None and d.isVisible())
    first, second = d.findChild(QLineEdit, 'mSplitFirstCode'), d.findChild(QLineEdit, 'mSplitSecondCode')
    check('codes_proposed', first.text() == 'S-003a' and second.text() == 'S-003b', (first.text(), second.text()))
    label = ' '.join(l.text() for l in d.findChildren(QLabel))
    check('form_names_pillar', 'Split S-003 at pillar 19 into:' in label, label)
    d.move(1030, 440)
    # the codes are the user's to confirm: typed again as a person would
    type_into(first, 'S-003a')
    type_into(second, 'S-003b')
    shot('03-form-proposes-s003a-s003b')
    return 300


@step
def confirm():
    modal(key_dialog)
    QTimer.singleShot(0, lambda: click(button(form(), QDialogButtonBox.Ok)))
    return lambda: query('SELECT count(*) FROM ledger')[0][0] > state['entries_before'] and QApplication.activeModalWidget() is None


@step
def recorded():
    rows = query('SELECT id, kind, payload, signer_party FROM ledger ORDER BY id')
    check('one_entry_appended', len(rows) == state['entries_before'] + 1, len(rows))
    entry, kind, payload, signer = rows[-1]
    p = json.loads(payload)
    check('entry_records_the_split', kind == 'segment_split' and p['segment'] == 'S-003' and p['at']['pillar'] == '19'
          and [s['code'] for s in p['segments']] == ['S-003a', 'S-003b'] and signer == 'SECRETARIAT', payload)
    check('split_point_is_pillar_19', abs(float(p['at']['lon']) - state['pillar'][0]) < 1e-5 and abs(float(p['at']['lat']) - state['pillar'][1]) < 1e-5,
          (p['at'], state['pillar']))
    after = query('SELECT code, seq, chainage_from_m, chainage_to_m, from_point, to_point FROM segments ORDER BY rowid')
    check('rows_appended_not_edited', after[:len(state['segments_before'])] == state['segments_before'] and len(after) == len(state['segments_before']) + 2)
    new = {r[0]: r for r in after[len(state['segments_before']):]}
    old = [r for r in state['segments_before'] if r[0] == 'S-003'][0]
    check('new_rows', new['S-003a'][2] == old[2] and new['S-003a'][5] == '19' and new['S-003b'][4] == '19' and new['S-003b'][3] == old[3]
          and old[2] < new['S-003a'][3] == new['S-003b'][2] < old[3], new)
    codes = dock_codes()
    check('dock_lists_new_segments', 'S-003a' in codes and 'S-003b' in codes and 'S-003' not in codes, codes)
    check('dock_status_inherited', dock_row('S-003a')[1] == state['status_before'] and dock_row('S-003b')[1] == state['status_before'],
          (dock_row('S-003a'), dock_row('S-003b')))
    detail = segments_dock().findChild(QTextBrowser, 'mSegmentDetail').toPlainText()
    check('dock_history_from_s003', ('#%d · S-003 split into S-003a and S-003b at pillar 19' % entry) in detail and 'protocol 21 of 2025-02-03' in detail
          and dock_row('S-003a')[2] == 'referred', (detail, dock_row('S-003a')))
    check('dock_selects_first', segments_dock().findChild(QTableView, 'mSegmentsTable').selectionModel().selectedRows()[0].data() == 'S-003a')
    features = segment_features()
    check('layer_has_new_segments', 'S-003' not in features and features['S-003a'].hasGeometry() and features['S-003b'].hasGeometry())
    if features.get('S-003a') and features.get('S-003b'):
        end_a = features['S-003a'].geometry().asMultiPolyline()[-1][-1]
        start_b = features['S-003b'].geometry().asMultiPolyline()[0][0]
        check('layer_cut_at_pillar', end_a == start_b and abs(end_a.x() - state['pillar'][0]) < 1e-5, (end_a, start_b, state['pillar']))
    text = message_bar_text()
    check('message_bar_says_what', ('S-003 split at pillar 19 into S-003a and S-003b: entry %d, signed by SECRETARIAT.' % entry) in text, text)
    check('tool_ended', not action('mActionLimesSplitSegment').isChecked() and not form().isVisible())
    verify = subprocess.run([CLI, 'workspace', 'verify', WS], capture_output=True, text=True)
    check('cli_verify_clean', verify.returncode == 0 and 'chain intact' in verify.stdout, verify.stdout + verify.stderr)
    info = subprocess.run([CLI, 'workspace', 'info', WS], capture_output=True, text=True).stdout
    check('cli_info_lists_new', '  S-003a     referred to working group' in info and '  S-003 ' not in info, [l for l in info.splitlines() if 'S-003' in l])
    state['entry'] = entry
    shot('04-split-recorded-dock-and-map')
    return 500


@step
def validate_after():
    validate_dock().raise_()
    return run_validation()


@step
def validated():
    after = segment_findings()
    # S-003a and S-003b cover S-003's stretch, in order, without gap or overlap
    check('segment_rules_pass_after', after == [], after)
    status = validate_dock().findChild(QLabel, 'mValidateStatus').text()
    check('validated_after', 'DCW' in status and 'finding' in status, status)
    shot('05-validated-no-segment-findings')
    return 300


@step
def refused_at_end():
    segments_dock().raise_()
    action('mActionLimesSplitSegment').trigger()   # the toolbar's Split Segment, S-003a chosen in the dock
    QTest.qWait(400)
    # S-003a's end is pillar 19 itself, where S-003b begins: no split there
    at = pixel(*state['pillar'])
    click_canvas(at)
    d = form()
    check('form_again', d is not None and d.isVisible())
    click(button(d, QDialogButtonBox.Ok))
    QTest.qWait(800)
    text = message_bar_text()
    check('end_refused', text.startswith('Limes: the segment was not split') and 'is at an end of S-003a' in text, text)
    check('nothing_stored', query('SELECT count(*) FROM ledger')[0][0] == state['entries_before'] + 1
          and len(query('SELECT code FROM segments')) == len(state['segments_before']) + 2)
    shot('06-split-at-an-end-refused')
    return 300


@step
def esc_ends_tool():
    iface.mapCanvas().setFocus()
    QTest.keyClick(iface.mapCanvas(), Qt.Key_Escape)
    QTest.qWait(300)
    check('esc_ends_tool', not action('mActionLimesSplitSegment').isChecked() and not form().isVisible() and markers() == [])
    return 300


begin()
