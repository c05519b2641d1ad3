# SPDX-License-Identifier: GPL-2.0-or-later
"""Runs inside the real QGIS desktop (qgis.bin --code): drives Limes' workspace tools as a
person would (menus, dialogs, clicks and typing on the real widgets), checks what they show
against the ledger and the `limes` CLI's own answers, takes a screenshot of each step
(NN-step.png), writes result.json and quits QGIS with the result as exit status.
The sample workspace and the CLI's answers come from prepare_workspace.sh (OUT/data)."""
import json
import os
import re
import subprocess
import sys
import traceback

from qgis.core import QgsApplication, QgsCoordinateTransform, QgsProject
from qgis.PyQt.QtCore import QPoint, Qt, QTimer
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import (QAbstractButton, QApplication, QDialogButtonBox, QDockWidget, QLabel, QLineEdit,
                                 QMenu, QTableView, QTextBrowser, QToolBar)
from qgis.utils import iface

sys.path.insert(0, os.environ['LIMES_E2E_DIR'])
from limes_e2e import OUT, action, begin, button, check, checks, choose, click, modal, shot, step, tick_item, type_cell, type_number, win  # noqa: E402

DATA = os.path.join(OUT, 'data')
WS = os.path.join(DATA, 'fergana-workspace.gpkg')
GROUP = 'Limes — fergana-workspace'
KEYS = os.path.join(DATA, 'keys')




def limes_group():
    return QgsProject.instance().layerTreeRoot().findGroup(GROUP)


def group_layer(name):
    group = limes_group()
    if group is None:
        return None
    for node in group.findLayers():
        if node.layer() is not None and node.layer().name() == name and node.parent() == group:
            return node.layer()
    return None


def segments_dock():
    return win().findChild(QDockWidget, 'LimesSegmentsDock')


def cli_statuses(path):
    """Segment statuses as `limes workspace info` printed them."""
    statuses = {}
    for line in open(path):
        m = re.match(r'^  (S-\d+)\s+(.+?)\s*$', line)
        if m:
            statuses[m.group(1)] = m.group(2)
    return statuses


def table_statuses(view):
    """What the Segments dock's table shows: code -> the status's legend label."""
    model = view.model()
    return {model.index(r, 0).data(): model.index(r, 1).data() for r in range(model.rowCount())}


LABELS = {'referred to working group': 'referred'}


def label_of(status):
    m = re.match(r'^agreed \(awaiting (.+)\)$', status)
    return 'agreed, awaiting %s' % m.group(1) if m else LABELS.get(status, status)


def click_segment_row(code):
    view = segments_dock().findChild(QTableView, 'mSegmentsTable')
    model = view.model()
    for r in range(model.rowCount()):
        if model.index(r, 0).data() == code:
            index = model.index(r, 0)
            view.scrollTo(index)
            QTest.mouseClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, view.visualRect(index).center())
            return True
    return False


def selected_segment():
    view = segments_dock().findChild(QTableView, 'mSegmentsTable')
    rows = view.selectionModel().selectedRows()
    return rows[0].data() if rows else None


def canvas_extent_of(layer, fid):
    canvas = iface.mapCanvas()
    transform = QgsCoordinateTransform(layer.crs(), canvas.mapSettings().destinationCrs(), QgsProject.instance())
    return transform.transformBoundingBox(layer.getFeature(fid).geometry().boundingBox())


def feature_of(layer, field, value):
    for f in layer.getFeatures():
        if f[field] == value:
            return f
    return None


def key_dialog(key_file, shot_name=None):
    """Fills Limes' signing key dialog: the key file and its passphrase, typed."""
    def fill(dialog):
        from qgis.gui import QgsFileWidget
        edit = dialog.findChild(QgsFileWidget).lineEdit()
        edit.clear()
        click(edit)
        QTest.keyClicks(edit, os.path.join(KEYS, key_file))
        passphrase = dialog.findChild(QLineEdit, 'mPassphrase')
        click(passphrase)
        QTest.keyClicks(passphrase, open(os.path.join(KEYS, 'passphrase.txt')).read())
        if shot_name:
            shot(shot_name)
        click(button(dialog, QDialogButtonBox.Ok))
        check('key_dialog_' + key_file, not dialog.isVisible(), dialog.findChild(QLabel, 'mProblem').text())
    fill.__name__ = 'key_dialog_' + key_file
    return fill


def cli(*args):
    return subprocess.run([os.environ['LIMES_E2E_CLI']] + list(args), capture_output=True, text=True, timeout=300)


# ---------------------------------------------------------------- piece 1: open the workspace

@step
def start():
    win().setGeometry(0, 0, 1600, 1000)   # Xvfb has no window manager to maximize it
    project = os.environ.get('LIMES_E2E_PROJECT')
    check('sample_project', QgsProject.instance().read(project))
    iface.mapCanvas().zoomToFullExtent()
    check('info_before', os.path.exists(os.path.join(DATA, 'info-before.txt')))
    return 2000


@step
def open_workspace_dialog():
    def fill(dialog):
        edit = dialog.findChild(QLineEdit)   # the file widget's line edit
        click(edit)
        QTest.keyClicks(edit, WS)
        shot('01-open-workspace-dialog')
        open_button = button(dialog, QDialogButtonBox.Open)
        check('open_dialog_accepts_file', open_button.isEnabled(), dialog.windowTitle())
        click(open_button)
    modal(fill)
    QTimer.singleShot(0, action('mActionLimesOpen').trigger)
    return lambda: limes_group() is not None and QApplication.activeModalWidget() is None


@step
def workspace_opened():
    group = limes_group()
    check('group_added', group is not None and QgsProject.instance().layerTreeRoot().children()[0] == group)
    segments, pillars = group_layer('Segments'), group_layer('Pillars')
    check('segments_layer', segments is not None and segments.featureCount() == 34 and segments.renderer().type() == 'categorizedSymbol',
          segments and (segments.featureCount(), segments.renderer().type()))
    if segments is not None:
        check('segments_legend', [c.label() for c in segments.renderer().categories()]
              == ['agreed', 'agreed, awaiting countersignature', 'disputed', 'deferred', 'referred', 'no decision yet'])
    check('pillars_labelled', pillars is not None and pillars.featureCount() == 267 and pillars.labelsEnabled())
    versions = group.findGroup('Versions') if group else None
    names = sorted(n.layer().name() for n in versions.findLayers()) if versions else None
    check('version_layers', names == sorted(['DCW', 'WDBII', 'DCW by segment', 'TJ claim S-003', 'KG claim S-003']), names)
    dock = segments_dock()
    check('segments_dock_shown', dock is not None and dock.isVisible() and 'fergana-workspace' in dock.windowTitle())
    # the dock lists every segment with the status the ledger gives (as `limes workspace info`)
    expected = {code: label_of(s) for code, s in cli_statuses(os.path.join(DATA, 'info-before.txt')).items()}
    shown = table_statuses(dock.findChild(QTableView, 'mSegmentsTable'))
    check('dock_statuses_match_cli', len(expected) == 34 and shown == expected, (shown, expected))
    if segments is not None:
        ledger = {f['code']: f['status'] for f in segments.getFeatures()}
        check('layer_statuses_match_cli', ledger == cli_statuses(os.path.join(DATA, 'info-before.txt')), ledger)
    iface.mapCanvas().refreshAllLayers()
    return 3000


@step
def shot_workspace():
    shot('02-workspace-open')
    return 300


# ---------------------------------------------------------------- piece 2: the Segments dock

@step
def row_selects_segment():
    segments = group_layer('Segments')
    iface.mapCanvas().setExtent(iface.mapCanvas().mapSettings().layerExtentToOutputExtent(segments, segments.extent()))
    check('click_row_S-003', click_segment_row('S-003'))
    return 2500


@step
def row_zoomed():
    segments = group_layer('Segments')
    f = feature_of(segments, 'code', 'S-003')
    extent = iface.mapCanvas().extent()
    check('row_zooms_to_segment', f is not None and extent.contains(canvas_extent_of(segments, f.id()))
          and extent.width() < iface.mapCanvas().mapSettings().layerExtentToOutputExtent(segments, segments.extent()).width() / 2,
          extent.toString())
    check('row_selects_feature', f is not None and segments.selectedFeatureIds() == [f.id()], segments.selectedFeatureIds())
    detail = segments_dock().findChild(QTextBrowser, 'mSegmentDetail').toPlainText()
    referred = open(os.path.join(DATA, 'entries.txt')).read().split()[2]
    check('detail_history', detail.index('protocol 17') < detail.index('protocol 21') and ('superseded by #' + referred) in detail
          and 'protocol-21.txt' in detail and 'TJ claim S-003' in detail, detail)
    shot('03-segment-S-003')
    return 300


@step
def map_click_selects_row():
    """The Select Features tool on the Limes segments layer: a click on S-010 selects its row."""
    canvas = iface.mapCanvas()
    segments = group_layer('Segments')
    canvas.setExtent(canvas.mapSettings().layerExtentToOutputExtent(segments, segments.extent()))
    canvas.refresh()
    iface.setActiveLayer(segments)
    iface.actionSelect().trigger()
    return 2500


@step
def map_click():
    canvas = iface.mapCanvas()
    segments = group_layer('Segments')
    f = feature_of(segments, 'code', 'S-010')
    geometry = f.geometry()
    middle = geometry.interpolate(geometry.length() / 2).asPoint()
    transform = QgsCoordinateTransform(segments.crs(), canvas.mapSettings().destinationCrs(), QgsProject.instance())
    pixel = canvas.getCoordinateTransform().transform(transform.transform(middle))
    QTest.mouseClick(canvas.viewport(), Qt.LeftButton, Qt.NoModifier, QPoint(int(pixel.x()), int(pixel.y())))
    return 1500


@step
def map_click_selected_row():
    segments = group_layer('Segments')
    f = feature_of(segments, 'code', 'S-010')
    check('map_selects_feature', segments.selectedFeatureIds() == [f.id()], segments.selectedFeatureIds())
    check('map_selects_row', selected_segment() == 'S-010', selected_segment())
    shot('04-map-selects-row')
    iface.actionPan().trigger()
    return 300


# ---------------------------------------------------------------- piece 3: compare two versions

compare_state = {'ticks': [], 'progress': []}


def compare_dock():
    return win().findChild(QDockWidget, 'LimesChangeSummaryDock')


def change_group(old, new):
    return QgsProject.instance().layerTreeRoot().findGroup('Change: %s → %s' % (old, new))


def fill_compare_dialog(old, new, shot_name=None, then=None):
    from qgis.PyQt.QtWidgets import QComboBox, QDoubleSpinBox, QListWidget

    def fill(dialog):
        combos = {c.objectName(): c for c in dialog.findChildren(QComboBox)}
        check('compare_old_%s' % old, choose(combos['mOldCombo'], '%s (historical, workspace)' % old),
              (combos['mOldCombo'].currentText(), combos['mOldCombo'].view().isVisible()))
        check('compare_new_%s' % new, choose(combos['mNewCombo'], '%s (draft, workspace)' % new))
        check('compare_parties_recorded', combos['mLeftCombo'].currentText() == 'KG' and combos['mRightCombo'].currentText() == 'TJ'
              and not combos['mLeftCombo'].isEnabled())
        check('compare_tick_water', tick_item(dialog.findChild(QListWidget, 'mResourcesList'), 'synthetic_water_points'))
        check('compare_segments', choose(combos['mSegmentsLayer'], 'segments'))
        spins = {s.objectName(): s for s in dialog.findChildren(QDoubleSpinBox)}
        type_number(spins['mMinArea'], '1000')
        type_number(spins['mMaxEndGap'], '5000')
        check('compare_thresholds', spins['mMinArea'].value() == 1000 and spins['mMaxEndGap'].value() == 5000,
              (spins['mMinArea'].value(), spins['mMaxEndGap'].value()))
        if shot_name:
            shot(shot_name)
        ok = button(dialog, QDialogButtonBox.Ok)
        check('compare_button_enabled', ok.isEnabled())
        if then:
            QTimer.singleShot(0, then)   # runs once the dialog has closed and the task started
        click(ok)
    return fill


def tick():
    """The event loop's heartbeat while the comparison runs: the desktop must stay responsive."""
    import time
    compare_state['ticks'].append(time.monotonic())
    if change_group('DCW', 'WDBII') is None and len(compare_state['ticks']) < 3000:
        QTimer.singleShot(100, tick)


def record_progress(task_id, progress):
    compare_state['progress'].append(progress)


@step
def compare_versions():
    # every progress report the task manager relays (sampling it could miss a fast comparison)
    QgsApplication.taskManager().progressChanged.connect(record_progress)
    modal(fill_compare_dialog('DCW', 'WDBII', '05-compare-dialog'))
    QTimer.singleShot(0, action('mActionLimesCompare').trigger)
    QTimer.singleShot(100, tick)
    return lambda: change_group('DCW', 'WDBII') is not None


@step
def compare_results():
    group = change_group('DCW', 'WDBII')
    transfers = [n.layer() for n in group.findLayers() if n.layer().name() == 'Land that changes sides']
    check('compare_group', len(transfers) == 1 and QgsProject.instance().layerTreeRoot().children()[0] == group)
    areas = {}
    for f in transfers[0].getFeatures():
        key = (f['from_party'], f['to_party'])
        areas[key] = areas.get(key, 0.0) + f['area_m2']
    cli_summary = json.load(open(os.path.join(DATA, 'cli-change.json')))
    expected = {(t['from'], t['to']): t['area_m2'] for t in cli_summary['transfers']}
    # the CLI's summary rounds to millimetres (m²): far below 1e-9 of these areas
    check('compare_areas_equal_cli', set(areas) == set(expected)
          and all(abs(areas[k] - expected[k]) <= 1e-9 * expected[k] for k in expected), (areas, expected))
    resources = [n.layer() for n in group.findLayers() if n.layer().name().startswith('Resources that change sides')]
    water = sum(w['count'] for w in cli_summary['water'])
    check('compare_water_layer', sum(l.featureCount() for l in resources) >= 1 and water >= 1, (water, [l.featureCount() for l in resources]))
    ticks = compare_state['ticks']
    gaps = [b - a for a, b in zip(ticks, ticks[1:])]
    check('canvas_responsive_during_task', len(ticks) > 3 and max(gaps) < 1.5, (len(ticks), max(gaps) if gaps else None))
    QgsApplication.taskManager().progressChanged.disconnect(record_progress)
    check('task_progress_reported', any(0 < p < 100 for p in compare_state['progress']), compare_state['progress'][-5:])
    dock = compare_dock()
    check('summary_dock', dock is not None and dock.isVisible())
    # the summary table, copied as a person would, has the CLI's numbers
    dock.findChild(QAbstractButton, 'mChangeCopy').click()
    table = QApplication.clipboard().text().splitlines()
    rows = [r.split('\t') for r in table[1:]]
    copied = {(r[2], r[3]): float(r[5]) for r in rows if r[0] == 'Land that changes sides'}
    check('summary_copy_equals_cli', copied == expected, (copied, expected))
    by_segment = {(r[1], r[2], r[3]): (int(r[4]), float(r[5])) for r in rows if r[0] == 'By segment'}
    cli_segments = {(g['code'], g['from'], g['to']): (g['parts'], g['area_m2']) for g in cli_summary['segments']}
    check('summary_segments_equal_cli', by_segment == cli_segments and len(cli_segments) > 10,
          sorted(set(by_segment.items()) ^ set(cli_segments.items()))[:6])
    copied_water = sum(int(r[4]) for r in rows if r[0] == 'Water and other resources')
    check('summary_water_equals_cli', copied_water == water, (copied_water, water))
    transfers[0].triggerRepaint()
    return 3000


@step
def compare_keep():
    shot('06-compare-results')
    dock = compare_dock()
    keep = dock.findChild(QAbstractButton, 'mChangeKeep')
    check('keep_enabled', keep.isEnabled())
    modal(key_dialog('secretariat.key', '07-signing-key'), 1000)   # the first signed write asks for the key
    QTimer.singleShot(0, lambda: click(keep))
    return lambda: not keep.isEnabled() and QApplication.activeModalWidget() is None


@step
def compare_kept():
    info = cli('workspace', 'info', WS).stdout
    check('keep_stored_in_workspace', 'stored change results: 1' in info and '  DCW -> WDBII (' in info, info[-600:])
    return 500


@step
def compare_cancel():
    """A second comparison, cancelled from the summary dock: no result, the dock says so."""
    # the task holds before comparing while this file exists (changetask.cpp): the comparison
    # cannot finish before the click, however fast the machine
    hold = os.path.join(OUT, 'hold-compare')
    open(hold, 'w').close()
    os.environ['LIMES_TEST_HOLD_COMPARE'] = hold

    def cancel_now():
        cancel = compare_dock().findChild(QAbstractButton, 'mChangeCancel')
        QTest.qWait(150)   # the dock lays out its progress bar and button
        check('cancel_button_shown', cancel.isVisible() and cancel.isEnabled() and cancel.width() > 10)
        click(cancel)
        shot('08-compare-cancelled')
    modal(fill_compare_dialog('DCW', 'WDBII', then=cancel_now))
    QTimer.singleShot(0, action('mActionLimesCompare').trigger)
    return lambda: 'cancelled' in compare_dock().findChild(QLabel).text()


@step
def compare_cancelled():
    os.remove(os.environ.pop('LIMES_TEST_HOLD_COMPARE'))
    groups = [g.name() for g in QgsProject.instance().layerTreeRoot().findGroups() if g.name().startswith('Change:')]
    check('cancel_leaves_no_result', groups == ['Change: DCW → WDBII'], groups)
    check('cancel_no_task_left', not QgsApplication.taskManager().activeTasks())
    return 300


# ---------------------------------------------------------------- piece 4: validate

validate_state = {}


def validate_dock():
    return win().findChild(QDockWidget, 'LimesValidateDock')


def planted_faults_layer():
    """The DCW line with two faults planted: a repeated vertex and a 10 km spike."""
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer
    dcw = QgsProject.instance().mapLayersByName('boundary_dcw')[0]
    layer = QgsVectorLayer('LineString?crs=EPSG:4326', 'dcw_with_faults', 'memory')
    features = []
    for f in dcw.getFeatures():
        line = f.geometry().asPolyline() or f.geometry().asMultiPolyline()[0]
        if 'spike' not in validate_state and len(line) > 60:
            validate_state['duplicate'] = QgsPointXY(line[20])
            line.insert(21, QgsPointXY(line[20]))
            a = line[40]
            validate_state['spike'] = QgsPointXY(a.x() + 0.09, a.y() + 0.05)
            line.insert(41, validate_state['spike'])
            line.insert(42, QgsPointXY(a.x() + 0.00001, a.y()))
        g = QgsFeature()
        g.setGeometry(QgsGeometry.fromPolylineXY(line))
        features.append(g)
    layer.dataProvider().addFeatures(features)
    return layer


def finding_items(rule=None):
    from qgis.PyQt.QtWidgets import QTreeWidget
    tree = validate_dock().findChild(QTreeWidget, 'mValidateFindings')
    items = []
    for i in range(tree.topLevelItemCount()):
        heading = tree.topLevelItem(i)
        if rule is None or heading.text(0).startswith(rule + ' — '):
            items += [heading.child(c) for c in range(heading.childCount())]
    return tree, items


def click_item(tree, item):
    tree.scrollToItem(item)
    QTest.mouseClick(tree.viewport(), Qt.LeftButton, Qt.NoModifier, tree.visualItemRect(item).center())


@step
def validate_open():
    QgsProject.instance().addMapLayer(planted_faults_layer())
    action('mActionLimesValidate').trigger()
    return 1000


@step
def validate_run():
    from qgis.PyQt.QtWidgets import QComboBox
    dock = validate_dock()
    check('validate_dock_shown', dock is not None and dock.isVisible())
    check('validate_line_default', dock.findChild(QComboBox, 'mValidateLine').currentText() == 'DCW by segment (agreed, workspace)',
          dock.findChild(QComboBox, 'mValidateLine').currentText())
    check('validate_choose_line', choose(dock.findChild(QComboBox, 'mValidateLine'), 'dcw_with_faults'))
    click(dock.findChild(QAbstractButton, 'mValidateRun'))
    return lambda: 'finding' in dock.findChild(QLabel, 'mValidateStatus').text()


@step
def validate_findings():
    tree, spikes = finding_items('spike')
    _, duplicates = finding_items('duplicate_vertex')
    check('validate_planted_spike', len(spikes) >= 1 and spikes[0].text(1) == 'error', [i.text(0) for i in spikes])
    check('validate_planted_duplicate', len(duplicates) == 1 and 'coincide' in duplicates[0].text(0), [i.text(0) for i in duplicates])
    validate_dock().raise_()
    shot('09-validate-findings')
    if spikes:
        click_item(tree, spikes[0])
    return 2500


@step
def validate_zoomed():
    from qgis.core import QgsGeometry
    canvas = iface.mapCanvas()
    to_canvas = QgsCoordinateTransform(QgsProject.instance().mapLayersByName('dcw_with_faults')[0].crs(),
                                       canvas.mapSettings().destinationCrs(), QgsProject.instance())
    spike = to_canvas.transform(validate_state['spike'])
    check('validate_click_zooms', canvas.extent().contains(spike) and canvas.extent().width() < 50000, canvas.extent().toString())
    shot('10-validate-finding-zoomed')
    return 300


@step
def validate_accept():
    tree, duplicates = finding_items('duplicate_vertex')
    click_item(tree, duplicates[0])
    accept = validate_dock().findChild(QAbstractButton, 'mValidateAccept')
    check('validate_accept_enabled', accept.isEnabled())

    def reason(dialog):
        edit = dialog.findChild(QLineEdit)
        QTest.keyClicks(edit, 'digitized twice in the annex of protocol 17; harmless')
        shot('11-validate-accept')
        click(button(dialog, QDialogButtonBox.Ok))
    modal(reason, 1000)
    QTimer.singleShot(0, lambda: click(accept))
    return lambda: QApplication.activeModalWidget() is None and 'accepted' in finding_items('duplicate_vertex')[1][0].text(4)


@step
def validate_accepted():
    info = cli('workspace', 'info', WS).stdout
    check('validate_accept_in_workspace', 'accepted validation findings: 1' in info, [l for l in info.splitlines() if 'accepted' in l])
    # a new run: the finding comes back accepted, from the workspace, and is counted so
    click(validate_dock().findChild(QAbstractButton, 'mValidateRun'))
    return lambda: validate_dock().findChild(QAbstractButton, 'mValidateRun').isEnabled()


@step
def validate_rerun():
    tree, duplicates = finding_items('duplicate_vertex')
    status = validate_dock().findChild(QLabel, 'mValidateStatus').text()
    headings = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    check('validate_shown_accepted', len(duplicates) == 1 and duplicates[0].text(4) == 'accepted'
          and duplicates[0].toolTip(4).startswith('digitized twice'), [(d.text(4), d.toolTip(4)) for d in duplicates])
    check('validate_counted_accepted', ', 1 accepted' in status and any(h.startswith('duplicate_vertex — ') and '1 accepted' in h for h in headings),
          (status, headings))
    shot('12-validate-accepted')
    return 300


# ---------------------------------------------------------------- piece 5: record a decision

def party_row(table, code):
    for r in range(table.rowCount()):
        if table.item(r, 0).text().startswith(code + ' '):
            return r
    return -1


def attach(dialog, path):
    """Add… opens a file dialog: the path is typed into it."""
    def pick(file_dialog):
        from qgis.PyQt.QtWidgets import QFileDialog
        if not isinstance(file_dialog, QFileDialog):
            check('attach_file_dialog', False, type(file_dialog))
            file_dialog.reject()
            return
        edit = file_dialog.findChild(QLineEdit, 'fileNameEdit')
        QTest.keyClicks(edit, path)
        QTest.keyClick(edit, Qt.Key_Return)
    modal(pick, 1000)
    click(dialog.findChild(QAbstractButton, 'mAddAttachment'))


@step
def record_decision():
    from qgis.PyQt.QtWidgets import QComboBox, QTableWidget, QTreeWidget

    def fill(dialog):
        QTest.keyClicks(dialog.findChild(QLineEdit, 'mProtocolEdit'), '23')
        QTest.keyClicks(dialog.findChild(QLineEdit, 'mPlaceEdit'), 'Khujand')
        check('record_choose_agreed', choose(dialog.findChild(QComboBox, 'mDecisionCombo'), 'agreed'))
        check('record_choose_version', choose(dialog.findChild(QComboBox, 'mVersionCombo'), 'DCW by segment (agreed)'))
        table = dialog.findChild(QTableWidget, 'mPartiesTable')
        check('record_type_tj', type_cell(table, party_row(table, 'TJ'), 2, 'N. Rahimov (synthetic)'))
        save = button(dialog, QDialogButtonBox.Save)
        problems = dialog.findChild(QLabel, 'mProblems').text()
        check('record_refuses_agreed_without_kg', not save.isEnabled() and 'missing: KG.' in problems, problems)
        shot('13-record-refuses')
        check('record_type_kg', type_cell(table, party_row(table, 'KG'), 2, 'A. Toktogulov (synthetic)'))
        check('record_type_position', type_cell(table, party_row(table, 'TJ'), 1, 'the DCW line through S-002'))
        attach(dialog, os.path.join(DATA, 'protocol-21.txt'))
        QTest.qWait(1500)
        attachments = dialog.findChild(QTreeWidget, 'mAttachmentsList')
        check('record_attachment_fingerprint', attachments.topLevelItemCount() == 1 and len(attachments.topLevelItem(0).toolTip(1)) == 64,
              attachments.topLevelItemCount() and attachments.topLevelItem(0).toolTip(1))
        check('record_accepts', save.isEnabled(), dialog.findChild(QLabel, 'mProblems').text())
        shot('14-record-decision')
        click(save)
    # the Segments tab in front, the comparison's layers out of the way of the status colours
    segments_dock().raise_()
    change_group('DCW', 'WDBII').setItemVisibilityChecked(False)
    check('click_row_S-002', click_segment_row('S-002'))
    modal(fill, 2500)
    QTimer.singleShot(0, lambda: click(segments_dock().findChild(QAbstractButton, 'mSegmentsRecord')))
    return lambda: QApplication.activeModalWidget() is None and status_of('S-002').startswith('agreed')


def status_of(code):
    return table_statuses(segments_dock().findChild(QTableView, 'mSegmentsTable')).get(code, '')


@step
def record_status_follows():
    # recorded with the session's key (the secretariat's): it waits for both delegations
    check('record_status_awaiting', status_of('S-002') == 'agreed, awaiting KG, TJ', status_of('S-002'))
    segments = group_layer('Segments')
    layer_status = feature_of(segments, 'code', 'S-002')['status']
    check('record_layer_follows', layer_status == 'agreed (awaiting KG, TJ)', layer_status)
    info = cli('workspace', 'info', WS).stdout
    check('record_cli_agrees', re.search(r'^  S-002 +agreed \(awaiting KG, TJ\)$', info, re.M) is not None, info[:600])
    shot('15-recorded-awaiting')
    return 300


def countersign_as(key_file, shot_name=None):
    modal(key_dialog(key_file, shot_name), 1000)
    QTimer.singleShot(0, lambda: click(segments_dock().findChild(QAbstractButton, 'mSegmentsCountersign')))


@step
def countersign_tj():
    check('countersign_shown', segments_dock().findChild(QAbstractButton, 'mSegmentsCountersign').isVisible())
    countersign_as('tj.key', '16-countersign-key')
    return lambda: QApplication.activeModalWidget() is None and status_of('S-002') == 'agreed, awaiting KG'


@step
def countersign_kg():
    countersign_as('kg.key')
    return lambda: QApplication.activeModalWidget() is None and status_of('S-002') == 'agreed'


@step
def agreed_in_force():
    detail = segments_dock().findChild(QTextBrowser, 'mSegmentDetail').toPlainText()
    check('agreed_in_force', 'in force: signed for KG, TJ' in detail and 'signatories: N. Rahimov (synthetic)' in detail
          and 'A. Toktogulov (synthetic)' in detail and 'TJ: the DCW line through S-002' in detail, detail)
    check('countersign_hidden', not segments_dock().findChild(QAbstractButton, 'mSegmentsCountersign').isVisible())
    passphrase = os.path.join(KEYS, 'passphrase.txt')
    fingerprints = {who: cli('key', 'fingerprint', '--key', os.path.join(KEYS, f), '--passphrase-file', passphrase).stdout.strip()
                    for who, f in (('TJ', 'tj.key'), ('KG', 'kg.key'), ('SECRETARIAT', 'secretariat.key'))}
    trust = [a for who, fp in fingerprints.items() for a in ('--trust', '%s=%s' % (who, fp))]
    verify = cli('workspace', 'verify', WS, *trust)
    check('verify_follows', verify.returncode == 0, verify.stdout[-400:] + verify.stderr[-400:])
    info = cli('workspace', 'info', WS).stdout
    check('cli_status_agreed', re.search(r'^  S-002 +agreed$', info, re.M) is not None, info[:600])
    shot('17-agreed-in-force')
    return 300


# ---------------------------------------------------------------- versions: import selected features

IMPORTED = 'KG claim S-020..S-022'
IMPORTED_CODES = ['S-020', 'S-021', 'S-022']


def versions_dock():
    return win().findChild(QDockWidget, 'LimesVersionsDock')


def version_row(name):
    from qgis.PyQt.QtWidgets import QTreeWidget
    dock = versions_dock()
    tree = dock.findChild(QTreeWidget, 'mVersionsList') if dock else None
    for i in range(tree.topLevelItemCount() if tree else 0):
        if tree.topLevelItem(i).text(0) == name:
            return tree.topLevelItem(i)
    return None


def project_layer(name):
    """A layer of the sample project, not one of the workspace's."""
    group = limes_group()
    for layer in QgsProject.instance().mapLayersByName(name):
        if group is None or group.findLayer(layer.id()) is None:
            return layer
    return None


def click_feature(layer, f, modifiers=Qt.NoModifier):
    canvas = iface.mapCanvas()
    geometry = f.geometry()
    middle = geometry.interpolate(geometry.length() / 2).asPoint()
    transform = QgsCoordinateTransform(layer.crs(), canvas.mapSettings().destinationCrs(), QgsProject.instance())
    pixel = canvas.getCoordinateTransform().transform(transform.transform(middle))
    QTest.mouseClick(canvas.viewport(), Qt.LeftButton, modifiers, QPoint(int(pixel.x()), int(pixel.y())))


@step
def import_zoom_to_features():
    """The sample's own segments layer, active, zoomed to three segments, the Select Features tool."""
    layer = project_layer('segments')
    canvas = iface.mapCanvas()
    extent = None
    for code in IMPORTED_CODES:
        box = canvas.mapSettings().layerExtentToOutputExtent(layer, feature_of(layer, 'code', code).geometry().boundingBox())
        if extent is None:
            extent = box
        else:
            extent.combineExtentWith(box)
    canvas.setExtent(extent.buffered(extent.width() * 0.15))
    canvas.refresh()
    layer.removeSelection()
    iface.setActiveLayer(layer)
    iface.actionSelect().trigger()
    return 2500


@step
def import_select_features():
    layer = project_layer('segments')
    for i, code in enumerate(IMPORTED_CODES):
        # a click selects one, shift-clicks add the others
        click_feature(layer, feature_of(layer, 'code', code), Qt.NoModifier if i == 0 else Qt.ShiftModifier)
        QTest.qWait(400)
    return 1500


@step
def import_version():
    from qgis.PyQt.QtWidgets import QCheckBox, QComboBox, QDateEdit, QPlainTextEdit
    layer = project_layer('segments')
    selected = sorted(f['code'] for f in layer.selectedFeatures())
    check('import_selected_on_map', selected == IMPORTED_CODES, selected)
    iface.actionPan().trigger()

    def fill(dialog):
        combos = {c.objectName(): c for c in dialog.findChildren(QComboBox)}
        # the sample's own layer (the workspace's is 'Segments'): the active one
        check('import_layer_is_active', combos['mLayerCombo'].currentText() == 'segments', combos['mLayerCombo'].currentText())
        selected_only = dialog.findChild(QCheckBox, 'mSelectedOnly')
        check('import_selected_only', selected_only.isChecked() and selected_only.isEnabled()
              and '3 of 34' in dialog.findChild(QLabel, 'mFeaturesInfo').text(), dialog.findChild(QLabel, 'mFeaturesInfo').text())
        name = dialog.findChild(QLineEdit, 'mNameEdit')
        click(name)
        QTest.keyClicks(name, IMPORTED)
        check('import_kind', choose(combos['mKindCombo'], 'claim of a party'))
        check('import_left', choose(combos['mLeftCombo'], 'KG — Kyrgyzstan'))
        check('import_right', choose(combos['mRightCombo'], 'TJ — Tajikistan'))
        date = dialog.findChild(QDateEdit, 'mDateEdit')
        click(date)
        QTest.keyClick(date, Qt.Key_A, Qt.ControlModifier)
        QTest.keyClicks(date, '2025-03-14')
        QTest.keyClick(date, Qt.Key_Tab)
        check('import_date', date.date().toString('yyyy-MM-dd') == '2025-03-14', date.date().toString('yyyy-MM-dd'))
        notes = dialog.findChild(QPlainTextEdit, 'mNotesEdit')
        click(notes)
        QTest.keyClicks(notes, 'handed over at protocol 23 (synthetic)')
        save = button(dialog, QDialogButtonBox.Save)
        problems = dialog.findChild(QLabel, 'mProblems').text()
        check('import_form_accepts', save.isEnabled() and problems == '', problems)
        shot('18-import-version')
        click(save)
    modal(fill, 2500)
    # from the Limes menu, as a person opens it
    QTimer.singleShot(0, action('mActionLimesImportVersion').trigger)
    return lambda: QApplication.activeModalWidget() is None and version_row(IMPORTED) is not None


@step
def import_landed():
    row = version_row(IMPORTED)
    texts = [row.text(c) for c in range(7)] if row else None
    check('import_listed', texts is not None and texts[0:3] == [IMPORTED, 'claim of a party', '2025-03-14'] and texts[3] != ''
          and texts[4:7] == ['KG', 'TJ', '3'], texts)
    check('import_dock_shown', versions_dock().isVisible() and row.isSelected(), versions_dock().isVisible())
    versions = limes_group().findGroup('Versions')
    imported = [n.layer() for n in versions.findLayers() if n.layer() is not None and n.layer().name() == IMPORTED]
    check('import_in_layer_group', len(imported) == 1 and imported[0].featureCount() == 3, [n.layer().name() for n in versions.findLayers()])
    info = cli('workspace', 'info', WS).stdout
    check('import_cli_lists_it', re.search(r'^  KG claim S-020\.\.S-022 +claim +3 lines, KG left, TJ right, 2025-03-14$', info, re.M) is not None,
          info[info.find('Line versions'):][:700])
    verify = cli('workspace', 'verify', WS)
    check('import_verify_clean', verify.returncode == 0, verify.stdout[-400:] + verify.stderr[-400:])
    shot('19-version-imported')
    return 300


@step
def import_refuses_duplicate():
    def fill(dialog):
        name = dialog.findChild(QLineEdit, 'mNameEdit')
        if not check('import_form_again', name is not None, dialog.windowTitle()):
            dialog.reject()
            return
        click(name)
        QTest.keyClicks(name, IMPORTED)
        save = button(dialog, QDialogButtonBox.Save)
        problems = dialog.findChild(QLabel, 'mProblems').text()
        check('import_refuses_duplicate', not save.isEnabled() and 'versions are never overwritten' in problems, problems)
        shot('19-import-refuses-duplicate')
        click(button(dialog, QDialogButtonBox.Cancel))
        refused['shown'] = True
    refused = {}
    modal(fill, 2500)
    QTimer.singleShot(0, action('mActionLimesImportVersion').trigger)
    return lambda: refused.get('shown') and QApplication.activeModalWidget() is None


@step
def import_nothing_more():
    info = cli('workspace', 'info', WS).stdout
    check('import_duplicate_not_written', len(re.findall(r'^  KG claim S-020\.\.S-022 ', info, re.M)) == 1, info[info.find('Line versions'):][:700])
    project_layer('segments').removeSelection()
    return 300


# ---------------------------------------------------------------- closing, unloading, reloading

@step
def close_workspace():
    action('mActionLimesClose').trigger()
    names = [l.name() for l in QgsProject.instance().mapLayers().values()]
    check('close_removes_group', limes_group() is None and 'Segments' not in names and 'Pillars' not in names, names)
    view = segments_dock().findChild(QTableView, 'mSegmentsTable')
    check('close_empties_dock', view.model().rowCount() == 0)
    return 500


@step
def plugin_manager():
    QTimer.singleShot(4000, reload_through_plugin_manager)
    QTimer.singleShot(0, iface.actionManagePlugins().trigger)
    return lambda: bool(checks.get('reload_2_restores_once')) and QApplication.activeModalWidget() is None


def reload_through_plugin_manager():
    """Unticks and ticks Limes in the real Plugin Manager, twice, with a workspace open."""
    from qgis.PyQt.QtGui import QStandardItemModel
    from qgis.PyQt.QtWidgets import QListView
    dialogs = [w for w in QApplication.topLevelWidgets() if w.inherits('QgsPluginManager')]
    try:
        item = None
        for view in dialogs[0].findChildren(QListView) if dialogs else []:
            source = view.model().sourceModel() if hasattr(view.model(), 'sourceModel') else None
            if isinstance(source, QStandardItemModel):
                for r in range(source.rowCount()):
                    if source.item(r) and source.item(r).data(Qt.UserRole + 1) == 'cpp:liblimesplugin':
                        item = source.item(r)
        check('plugin_manager_lists_limes', item is not None and item.checkState() == Qt.Checked)
        for cycle in (1, 2):
            item.setCheckState(Qt.Unchecked)
            gone = (win().findChild(QMenu, 'mLimesMenu') is None and not win().findChildren(QToolBar, 'mLimesToolBar')
                    and not win().findChildren(QDockWidget, 'LimesSegmentsDock') and limes_group() is None)
            check('unload_%d_leaves_nothing' % cycle, gone,
                  (len(win().findChildren(QDockWidget, 'LimesSegmentsDock')), limes_group() is not None))
            item.setCheckState(Qt.Checked)
            back = (len(win().findChildren(QMenu, 'mLimesMenu')) == 1 and len(win().findChildren(QToolBar, 'mLimesToolBar')) == 1
                    and len(win().findChildren(QDockWidget, 'LimesSegmentsDock')) == 1)
            check('reload_%d_restores_once' % cycle, back)
            if cycle == 1:
                # unloading with a workspace open removes its group too
                recent_open()
                check('reopened_before_unload', limes_group() is not None)
    except Exception:  # noqa: BLE001
        check('plugin_manager', False, traceback.format_exc())
    for d in dialogs:
        d.reject()


def recent_open():
    menu = win().findChild(QMenu, 'mLimesRecentMenu')
    menu.aboutToShow.emit()
    actions = menu.actions()
    check('recent_lists_workspace', bool(actions) and actions[0].text() == WS, [a.text() for a in actions])
    if actions:
        actions[0].trigger()


@step
def reopen_from_recent():
    recent_open()
    check('recent_reopens', limes_group() is not None and segments_dock().isVisible())
    return 2000


@step
def shot_reopened():
    shot('20-reopened-after-reload')
    return 300


begin()
