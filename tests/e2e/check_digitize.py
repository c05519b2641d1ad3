# SPDX-License-Identifier: GPL-2.0-or-later
"""Runs inside the real QGIS desktop (qgis.bin --code): Digitize Claim on the sample workspace,
driven by mouse and key events sent to the map canvas, with QGIS's snapping and tracing. A
claim for S-003 that begins on its end pillar 17 and ends on its end turning point (stored
exactly there), one stretch traced along the KG claim; Backspace and Esc as in QGIS; a line
ending away from the segment's end refused with nothing stored; the preview's totals after the
last vertex equal `limes change` on the stored version. A screenshot per step (NN-*.png).
The workspace and keys come from prepare_workspace.sh (OUT/data)."""
import json
import os
import sys

from qgis.core import (Qgis, QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject, QgsSnappingConfig,
                       QgsTolerance)
from qgis.gui import QgsMapCanvasTracer, QgsMessageBar
from qgis.PyQt.QtCore import QPoint, Qt, QTimer
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import (QApplication, QComboBox, QDialogButtonBox, QDockWidget, QLabel, QLineEdit, QListWidget,
                                 QPushButton, QTableView, QTableWidget)
from qgis.utils import iface

sys.path.insert(0, os.environ['LIMES_E2E_DIR'])
from limes_e2e import OUT, action, begin, button, check, choose, click, modal, shot, step, tick_item, win  # noqa: E402

DATA = os.path.join(OUT, 'data')
WS = os.path.join(DATA, 'fergana-workspace.gpkg')
KEYS = os.path.join(DATA, 'keys')
GROUP = 'Limes — fergana-workspace'
SAMPLE = os.environ['LIMES_E2E_PROJECT'][:-len('.qgs')] + '.gpkg'
WGS84 = QgsCoordinateReferenceSystem('EPSG:4326')

state = {}


def limes_group():
    return QgsProject.instance().layerTreeRoot().findGroup(GROUP)


def group_layer(name):
    group = limes_group()
    for node in (group.findLayers() if group else []):
        if node.layer() is not None and node.layer().name() == name:
            return node.layer()
    return None


def version_line(name, segment='S-003'):
    for f in group_layer(name).getFeatures():
        if f['segment'] == segment:
            return [(p.x(), p.y()) for p in f.geometry().asPolyline()]
    return []


def pillar(number):
    for f in group_layer('Pillars').getFeatures():
        if f['number'] == number:
            p = f.geometry().asPoint()
            return (p.x(), p.y())
    return None


def kg_claim_vertices():
    f = next(group_layer('KG claim S-003').getFeatures())
    return [(p.x(), p.y()) for p in f.geometry().asPolyline()]


def pixel(lon, lat):
    canvas = iface.mapCanvas()
    t = QgsCoordinateTransform(WGS84, canvas.mapSettings().destinationCrs(), QgsProject.instance())
    p = canvas.getCoordinateTransform().transform(t.transform(QgsPointXY(lon, lat)))
    return QPoint(int(round(p.x())), int(round(p.y())))


def move(lon, lat):
    QTest.mouseMove(iface.mapCanvas().viewport(), pixel(lon, lat))
    QTest.qWait(150)


def click_map(lon, lat, which=Qt.LeftButton):
    viewport = iface.mapCanvas().viewport()
    at = pixel(lon, lat)
    QTest.mouseMove(viewport, at)
    QTest.qWait(150)
    QTest.mouseClick(viewport, which, Qt.NoModifier, at)
    QTest.qWait(250)


def key(k):
    # the main window active and the canvas focused, as after a click on the map: shortcuts (T) reach QGIS
    win().activateWindow()
    QApplication.setActiveWindow(win())
    iface.mapCanvas().setFocus()
    QTest.keyClick(iface.mapCanvas(), k)
    QTest.qWait(250)


def tool_vertices():
    tool = iface.mapCanvas().mapTool()
    return tool.captureCurve().numPoints() if tool is not None and hasattr(tool, 'captureCurve') else -1


def tool_points():
    tool = iface.mapCanvas().mapTool()
    return [(round(p.x(), 9), round(p.y(), 9)) for p in tool.captureCurve().vertices()]


def preview_dock():
    return win().findChild(QDockWidget, 'LimesClaimPreviewDock')


def preview_values():
    table = preview_dock().findChild(QTableWidget, 'mClaimPreviewTable')
    values = {}
    for r in range(table.rowCount()):
        item = table.item(r, 1)
        values[item.data(Qt.UserRole + 1)] = item.data(Qt.UserRole)
    return values


def preview_status():
    return preview_dock().findChild(QLabel, 'mClaimPreviewStatus').text()


def message_bar_text():
    bar = iface.messageBar()
    item = bar.currentItem()
    return (item.title() + ' ' + item.text()) if item is not None else ''


def workspace_versions():
    import sqlite3
    con = sqlite3.connect(WS)
    try:
        return [r[0] for r in con.execute('SELECT name FROM line_versions ORDER BY id')]
    finally:
        con.close()


def key_dialog(dialog):
    from qgis.gui import QgsFileWidget
    edit = dialog.findChild(QgsFileWidget).lineEdit()
    edit.clear()
    click(edit)
    QTest.keyClicks(edit, os.path.join(KEYS, 'tj.key'))
    passphrase = dialog.findChild(QLineEdit, 'mPassphrase')
    click(passphrase)
    QTest.keyClicks(passphrase, open(os.path.join(KEYS, 'passphrase.txt')).read())
    click(button(dialog, QDialogButtonBox.Ok))
    check('key_dialog_tj', not dialog.isVisible(), dialog.findChild(QLabel, 'mProblem').text())


def set_tracing(on):
    """T, as a person toggles tracing in QGIS (the Snapping toolbar's shortcut)."""
    tracer = QgsMapCanvasTracer.tracerForCanvas(iface.mapCanvas())
    tracing = tracer.actionEnableTracing() if tracer else None
    if tracing is None:
        return False
    if tracing.isChecked() != on:
        key(Qt.Key_T)
    state['tracing'] = (tracing.isEnabled(), tracing.isVisible() if hasattr(tracing, 'isVisible') else None, tracing.shortcut().toString(),
                        [w.objectName() + ':' + str(w.isVisible()) for w in tracing.associatedWidgets()])
    return tracing.isChecked() == on


def frame():
    """The map on the KG claim for S-003 and its surroundings, as the user zooms there."""
    canvas = iface.mapCanvas()
    t = QgsCoordinateTransform(WGS84, canvas.mapSettings().destinationCrs(), QgsProject.instance())
    extent = t.transformBoundingBox(group_layer('KG claim S-003').extent())
    canvas.setExtent(extent.buffered(extent.width() * 0.15))
    canvas.refresh()


# ---------------------------------------------------------------- open the workspace, snapping on

@step
def start():
    win().setGeometry(0, 0, 1600, 1000)
    check('sample_project', QgsProject.instance().read(os.environ['LIMES_E2E_PROJECT']))
    return 2000


@step
def open_workspace():
    def fill(dialog):
        edit = dialog.findChild(QLineEdit)
        click(edit)
        QTest.keyClicks(edit, WS)
        click(button(dialog, QDialogButtonBox.Open))
    modal(fill)
    QTimer.singleShot(0, action('mActionLimesOpen').trigger)
    return lambda: limes_group() is not None and QApplication.activeModalWidget() is None


@step
def snapping_and_view():
    # only what the claim is drawn with stays visible: the pillars and the KG claim (so that tracing follows it)
    root = QgsProject.instance().layerTreeRoot()
    for node in root.findLayers():
        if node.layer() is not None and node.layer().type() == 0:   # vector layers
            node.setItemVisibilityChecked(node.layer().name() in ('Pillars', 'KG claim S-003'))
    # the Snapping toolbar: on, vertices, all (visible) layers, 12 pixels; as a person sets it
    config = QgsProject.instance().snappingConfig()
    config.setEnabled(True)
    try:
        from qgis.core import Qgis
        config.setMode(Qgis.SnappingMode.AllLayers)
        config.setTypeFlag(Qgis.SnappingType.Vertex)
    except (ImportError, AttributeError):
        config.setMode(QgsSnappingConfig.AllLayers)
        config.setTypeFlag(QgsSnappingConfig.VertexFlag)
    config.setTolerance(12)
    try:
        from qgis.core import Qgis
        config.setUnits(Qgis.MapToolUnit.Pixels)     # QGIS 3.32+
    except (ImportError, AttributeError):
        config.setUnits(QgsTolerance.Pixels)
    QgsProject.instance().setSnappingConfig(config)
    frame()
    check('digitize_action_enabled', action('mActionLimesDigitizeClaim').isEnabled())
    return 2500


@step
def ends_of_S003():
    global PILLAR_17, START, END
    PILLAR_17 = pillar('17')                     # S-003's pillar nearest its start
    course = version_line('DCW by segment')      # where S-003 runs (its agreed course): its end turning points
    START, END = course[0], course[-1]
    check('end_points_known', PILLAR_17 is not None and len(course) > 1, (PILLAR_17, course))
    # View > Toolbars > Snapping Toolbar: its T toggles tracing
    from qgis.PyQt.QtWidgets import QToolBar
    toolbar = win().findChild(QToolBar, 'mSnappingToolBar')
    if toolbar is not None:
        toolbar.setVisible(True)
    return 500


def click_segment_row(code):
    view = win().findChild(QDockWidget, 'LimesSegmentsDock').findChild(QTableView, 'mSegmentsTable')
    model = view.model()
    for r in range(model.rowCount()):
        if model.index(r, 0).data() == code:
            index = model.index(r, 0)
            view.scrollTo(index)
            QTest.mouseClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, view.visualRect(index).center())
            return True
    return False


@step
def select_S003():
    check('click_row_S-003', click_segment_row('S-003'))
    return 2000


@step
def digitize_dialog():
    def fill(dialog):
        # opened from the Segments dock's button: the selected segment is preselected
        segment = dialog.findChild(QComboBox, 'mSegmentCombo')
        check('dialog_segment_from_dock', segment.currentText() == 'S-003', segment.currentText())
        check('dialog_party', choose(dialog.findChild(QComboBox, 'mPartyCombo'), 'TJ (Tajikistan)'))
        reference = dialog.findChild(QComboBox, 'mReferenceCombo')
        # TJ's claim is compared by default with the other party's claim (S-003 has no agreement)
        check('dialog_default_reference', reference.currentData() == 'KG claim S-003', reference.currentText())
        check('dialog_tick_water', tick_item(dialog.findChild(QListWidget, 'mResourcesList'), 'synthetic_water_points'))
        shot('01-digitize-claim-dialog')
        click(button(dialog, QDialogButtonBox.Ok))
    modal(fill)
    digitize = win().findChild(QDockWidget, 'LimesSegmentsDock').findChild(QPushButton, 'mSegmentsDigitize')
    check('dock_digitize_button_enabled', digitize is not None and digitize.isEnabled())
    QTimer.singleShot(0, lambda: click(digitize))
    return lambda: QApplication.activeModalWidget() is None and preview_dock() is not None and preview_dock().isVisible()


# ---------------------------------------------------------------- Backspace and Esc

@step
def zoom_back():
    frame()   # the dock's row zoomed to the segment: back to the claim's surroundings
    return 2000


@step
def backspace_and_esc():
    check('tool_active', action('mActionLimesDigitizeClaim').isChecked() and tool_vertices() == 0, tool_vertices())
    kg = kg_claim_vertices()
    click_map(*PILLAR_17)
    click_map(*kg[3])
    click_map(0.5 * (kg[6][0] + END[0]), 0.5 * (kg[6][1] + END[1]))
    check('three_vertices', tool_vertices() == 3, tool_vertices())
    before = tool_points()
    key(Qt.Key_Backspace)
    # the last vertex goes, the first two stay where they were clicked (QGIS 3.26+'s own undo
    # had removed a whole piece of the reprojected capture curve: issue 13)
    check('backspace_removes_last_vertex', tool_vertices() == 2 and tool_points() == before[:2], (tool_points(), before))
    key(Qt.Key_Backspace)
    check('backspace_again', tool_vertices() == 1 and tool_points() == before[:1], (tool_points(), before))
    click_map(*kg[3])   # the capture goes on from the vertex that is left
    check('capture_continues', tool_vertices() == 2 and tool_points() == before[:2], (tool_points(), before))
    key(Qt.Key_Escape)
    check('esc_cancels', tool_vertices() == 0 and 'nothing was stored' in preview_status(), (tool_vertices(), preview_status()))
    check('esc_clears_preview', all(v == 0 for k, v in preview_values().items() if k.startswith('transfer:')), preview_values())
    return 500


# ---------------------------------------------------------------- a line that ends away from the segment's end

@step
def refused_line():
    state['versions_before'] = workspace_versions()
    kg = kg_claim_vertices()
    click_map(*PILLAR_17)
    click_map(*kg[3])
    # 2 km short of the end: no end point of S-003 there
    click_map(END[0] + 0.03, END[1] + 0.012)
    click_map(END[0] + 0.03, END[1] + 0.012, Qt.RightButton)
    return 1500


@step
def refused_checked():
    text = message_bar_text()
    check('refused_message', 'not stored' in text and 'the line ends' in text and 'm from' in text, text)
    check('refused_nothing_stored', workspace_versions() == state['versions_before'], workspace_versions())
    shot('02-claim-refused')
    return 300


# ---------------------------------------------------------------- the claim: snapped ends, one stretch traced

@step
def draw_claim():
    iface.messageBar().clearWidgets()
    kg = kg_claim_vertices()
    state['kg'] = kg
    click_map(*START)                      # snaps onto the turning point at the start of S-003
    click_map(*kg[3])                      # snaps onto the KG claim's vertex 3
    check('tracing_on', set_tracing(True), state.get('tracing'))
    click_map(*kg[9])                      # traced along the KG claim from vertex 3 to 9
    check('tracing_off', set_tracing(False))
    state['traced_count'] = tool_vertices()
    check('traced_vertices_added', tool_vertices() >= 2 + 6, tool_vertices())
    # then west of the KG claim, the preview following each vertex and the mouse
    click_map(kg[14][0] - 0.012, kg[14][1])
    move(kg[20][0] - 0.015, kg[20][1])
    return 1500


@step
def preview_while_drawing():
    values = preview_values()
    check('preview_moves_land', values.get('transfer:KG:TJ', 0) > 0, values)
    check('preview_status_timed', 'ms' in preview_status(), preview_status())
    shot('03-claim-preview-while-drawing')
    click_map(kg_claim_vertices()[20][0] - 0.015, kg_claim_vertices()[20][1])
    click_map(*END)                        # snaps onto the turning point at the end of S-003
    modal(key_dialog)
    QTimer.singleShot(0, lambda: click_map(*END, which=Qt.RightButton))
    return lambda: QApplication.activeModalWidget() is None and len(workspace_versions()) > len(state['versions_before'])


@step
def stored():
    versions = workspace_versions()
    new = [v for v in versions if v not in state['versions_before']]
    check('one_version_stored', new == ['TJ claim S-003 (digitized)'], versions)
    if not new:
        return 300
    state['name'] = new[0]
    from qgis.core import QgsVectorLayer
    layer = QgsVectorLayer(WS + '|layername=version_lines', 'lines', 'ogr')
    import sqlite3
    con = sqlite3.connect(WS)
    vid, kind, left, right = con.execute('SELECT id, kind, left_party, right_party FROM line_versions WHERE name = ?', (new[0],)).fetchone()
    con.close()
    check('stored_kind_claim', kind == 'claim' and (left, right) == ('KG', 'TJ'), (kind, left, right))
    layer.setSubsetString('version_id = %d' % vid)
    features = list(layer.getFeatures())
    line = features[0].geometry().asPolyline() if features else []
    check('stored_one_line_for_S-003', len(features) == 1 and features[0]['segment'] == 'S-003', [f.attributes() for f in features])
    check('stored_starts_exactly_on_the_start_turning_point', line and (line[0].x(), line[0].y()) == START, line[:1])
    check('stored_ends_exactly_on_the_end_turning_point', line and (line[-1].x(), line[-1].y()) == END, line[-1:])
    kg = state['kg']
    # the start, then the KG claim's vertices 3 to 9: the clicks on 3 and 9 and what tracing added between them
    traced = [(p.x(), p.y()) for p in line[1:8]]
    # tracing runs in the map's CRS: its vertices come back within a hair (1e-9 degrees, 0.1 mm) of the claim's
    check('stored_stretch_traced_along_kg_claim', len(traced) == 7
          and all(abs(a[0] - b[0]) < 1e-9 and abs(a[1] - b[1]) < 1e-9 for a, b in zip(traced, kg[3:10])), (traced, kg[3:10]))
    text = message_bar_text()
    check('stored_message', 'Stored TJ' in text and new[0] in text, text)
    shot('04-claim-stored')
    return 300


@step
def preview_equals_cli():
    import subprocess
    summary = os.path.join(OUT, 'cli-claim.json')
    r = subprocess.run([os.environ['LIMES_E2E_CLI'], 'change', '--workspace', WS, '--old', 'KG claim S-003', '--new', state.get('name', '?'),
                        '--water', SAMPLE + '|layername=synthetic_water_points', '--output', os.path.join(OUT, 'cli-claim.gpkg'),
                        '--summary', summary],
                       capture_output=True, text=True, timeout=300)
    check('cli_change_ran', r.returncode == 0, r.stderr)
    if r.returncode != 0:
        return 300
    cli = json.load(open(summary))
    values = preview_values()
    for party_from, party_to in (('KG', 'TJ'), ('TJ', 'KG')):
        want = sum(t['area_m2'] for t in cli['transfers'] if t['from'] == party_from and t['to'] == party_to)
        got = values.get('transfer:%s:%s' % (party_from, party_to))
        check('preview_equals_cli_%s_%s' % (party_from, party_to), got is not None and abs(got - want) <= max(1e-9 * abs(want), 0.001), (got, want))
    for n in cli['net']:
        got = values.get('net:' + n['party'])
        check('preview_net_equals_cli_' + n['party'], got is not None and abs(got - n['net_m2']) <= max(1e-9 * abs(n['net_m2']), 0.001), (got, n))
    water = set()
    for w in cli.get('water', []):
        water.update(w['features'])
    got = values.get('features:synthetic_water_points')
    check('preview_water_equals_cli', got == len(water) and len(water) > 0, (got, sorted(water)))
    check('preview_status_final', state.get('name', '?') in preview_status(), preview_status())
    shot('05-preview-final')
    return 300


# ---------------------------------------------------------------- a claim from the segment's end pillar

@step
def claim_from_pillar():
    state['versions_before'] = workspace_versions()
    kg = kg_claim_vertices()
    click_map(*PILLAR_17)                  # snaps onto pillar 17 (the Pillars layer)
    click_map(kg[14][0] - 0.01, kg[14][1])
    click_map(*END)
    click_map(*END, which=Qt.RightButton)  # the key is held for the session: no dialog
    return lambda: len(workspace_versions()) > len(state['versions_before'])


@step
def stored_from_pillar():
    new = [v for v in workspace_versions() if v not in state['versions_before']]
    check('second_claim_is_a_new_version', new == ['TJ claim S-003 (digitized 2)'], new)
    import sqlite3
    con = sqlite3.connect(WS)
    row = con.execute('SELECT v.id FROM line_versions v WHERE v.name = ?', (new[0] if new else '',)).fetchone()
    con.close()
    from qgis.core import QgsVectorLayer
    layer = QgsVectorLayer(WS + '|layername=version_lines', 'lines', 'ogr')
    layer.setSubsetString('version_id = %d' % (row[0] if row else -1))
    line = next(layer.getFeatures()).geometry().asPolyline() if row else []
    check('stored_starts_exactly_on_pillar_17', line and (line[0].x(), line[0].y()) == PILLAR_17, (line[:1], PILLAR_17))
    check('stored_ends_exactly_on_the_end', line and (line[-1].x(), line[-1].y()) == END, line[-1:])
    shot('06-claim-from-pillar')
    iface.actionPan().trigger()
    return 300


# ---------------------------------------------------------------- a draft from a version, edited with the Vertex Tool

DRAFT = 'Draft of S-003 from KG claim S-003'


def draft_layer():
    layers = QgsProject.instance().mapLayersByName(DRAFT)
    return layers[0] if layers else None


@step
def draft_dialog():
    def fill(dialog):
        check('draft_dialog_segment', choose(dialog.findChild(QComboBox, 'mSegmentCombo'), 'S-003'))
        versions = dialog.findChild(QComboBox, 'mReferenceCombo')
        check('draft_dialog_version', choose(versions, versions.itemText(versions.findData('KG claim S-003'))), versions.currentText())
        check('draft_dialog_no_party', not dialog.findChild(QComboBox, 'mPartyCombo').isVisible())
        tick_item(dialog.findChild(QListWidget, 'mResourcesList'), 'synthetic_water_points')
        shot('07-draft-dialog')
        click(button(dialog, QDialogButtonBox.Ok))
    modal(fill)
    QTimer.singleShot(0, action('mActionLimesDraftFromVersion').trigger)
    return lambda: QApplication.activeModalWidget() is None and draft_layer() is not None


@step
def move_a_vertex():
    layer = draft_layer()
    check('draft_layer_editable', layer.isEditable() and layer.featureCount() == 1)
    tool = iface.mapCanvas().mapTool()
    check('vertex_tool_chosen', tool is not None and action('mActionVertexTool').isChecked(), tool)
    kg = kg_claim_vertices()
    state['moved_from'] = kg[12]
    # the Vertex Tool: a click on the vertex picks it up, a click elsewhere puts it down
    click_map(*kg[12])
    move(kg[12][0] - 0.006, kg[12][1] + 0.002)
    click_map(kg[12][0] - 0.006, kg[12][1] + 0.002)
    return 1500


@step
def draft_previewed():
    values = preview_values()
    check('draft_preview_moves_land', values.get('transfer:KG:TJ', 0) + values.get('transfer:TJ:KG', 0) > 0, values)
    check('draft_preview_timed', 'ms' in preview_status(), preview_status())
    shot('08-draft-preview')
    state['versions_before'] = workspace_versions()
    save = preview_dock().findChild(QPushButton, 'mClaimPreviewSave')
    check('draft_save_shown', save is not None and save.isVisible())
    click(save)
    return lambda: len(workspace_versions()) > len(state['versions_before'])


@step
def draft_stored():
    new = [v for v in workspace_versions() if v not in state['versions_before']]
    check('draft_is_a_new_version', new == ['S-003 draft from KG claim S-003'], new)
    import sqlite3
    con = sqlite3.connect(WS)
    row = con.execute('SELECT id, kind FROM line_versions WHERE name = ?', (new[0] if new else '',)).fetchone()
    con.close()
    check('draft_kind', row is not None and row[1] == 'draft', row)
    from qgis.core import QgsVectorLayer
    layer = QgsVectorLayer(WS + '|layername=version_lines', 'lines', 'ogr')
    layer.setSubsetString('version_id = %d' % (row[0] if row else -1))
    line = [(p.x(), p.y()) for p in next(layer.getFeatures()).geometry().asPolyline()] if row else []
    kg = kg_claim_vertices()
    same = [i for i in range(min(len(line), len(kg))) if abs(line[i][0] - kg[i][0]) < 1e-9 and abs(line[i][1] - kg[i][1]) < 1e-9]
    check('draft_one_vertex_moved', len(line) == len(kg) and same == [i for i in range(len(kg)) if i != 12], (len(line), len(kg), same))
    check('draft_layer_removed', draft_layer() is None)
    check('kg_claim_unchanged', kg_claim_vertices() == kg)
    shot('09-draft-stored')
    iface.actionPan().trigger()
    return 300


begin()
