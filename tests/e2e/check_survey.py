# SPDX-License-Identifier: GPL-2.0-or-later
"""Runs inside the real QGIS desktop (qgis.bin --code): Survey Pillar on the sample workspace,
driven by mouse and key events sent to the map canvas and the form. The tool picks pillar 17
with a click on the map; "Pick on Map" takes a position from the next click; the surveyed
position typed in UTM 42N (3 m east, 4 m north of the designed position in the grid), an
accuracy and a date typed in; Save signs with TJ's key (the key dialog filled as a person
does); the workspace then holds one more ledger entry recording the survey while the pillar's
row is unchanged, the Pillars layer shows the surveyed position, the form's deviation is
GeographicLib's, `limes workspace verify` is clean; an accuracy of 0 is refused in the message
bar with nothing stored. A screenshot per step (NN-*.png). The workspace and keys come from
prepare_workspace.sh (OUT/data)."""
import os
import re
import sqlite3
import subprocess
import sys

from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject, QgsRectangle
from qgis.PyQt.QtCore import QPoint, Qt, QTimer
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QApplication, QDateEdit, QDialog, QDialogButtonBox, QDoubleSpinBox, QLabel, QLineEdit, QPushButton, QTreeWidget
from qgis.utils import iface

sys.path.insert(0, os.environ['LIMES_E2E_DIR'])
from limes_e2e import OUT, action, begin, button, check, click, modal, shot, step, win  # noqa: E402

DATA = os.path.join(OUT, 'data')
WS = os.path.join(DATA, 'fergana-workspace.gpkg')
KEYS = os.path.join(DATA, 'keys')
GROUP = 'Limes — fergana-workspace'
WGS84 = QgsCoordinateReferenceSystem('EPSG:4326')
UTM = QgsCoordinateReferenceSystem('EPSG:32642')
CLI = os.environ['LIMES_E2E_CLI']

state = {}


def limes_group():
    return QgsProject.instance().layerTreeRoot().findGroup(GROUP)


def pillars_layer():
    group = limes_group()
    for node in (group.findLayers() if group else []):
        if node.layer() is not None and node.layer().name() == 'Pillars':
            return node.layer()
    return None


def pillar_feature(number):
    for f in pillars_layer().getFeatures():
        if f['number'] == number:
            return f
    return None


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


def dialog():
    return win().findChild(QDialog, 'LimesSurveyPillarDialog')


def field(cls, name):
    return dialog().findChild(cls, name)


def type_into(edit, text):
    click(edit)
    QTest.keyClick(edit, Qt.Key_A, Qt.ControlModifier)
    QTest.keyClicks(edit, text)
    QTest.keyClick(edit, Qt.Key_Tab)
    QTest.qWait(150)


def message_bar_text():
    item = iface.messageBar().currentItem()
    return (item.title() + ' ' + item.text()) if item is not None else ''


def ledger_rows():
    con = sqlite3.connect(WS)
    try:
        return con.execute('SELECT id, kind, payload FROM ledger ORDER BY id').fetchall()
    finally:
        con.close()


def pillar_rows():
    con = sqlite3.connect(WS)
    try:
        return con.execute('SELECT number, geom, surveyed_lon, surveyed_lat, survey_accuracy_m, survey_date, ledger_entry FROM pillars ORDER BY fid').fetchall()
    finally:
        con.close()


def key_dialog(d):
    from qgis.gui import QgsFileWidget
    edit = d.findChild(QgsFileWidget).lineEdit()
    edit.clear()
    click(edit)
    QTest.keyClicks(edit, os.path.join(KEYS, 'tj.key'))
    passphrase = d.findChild(QLineEdit, 'mPassphrase')
    click(passphrase)
    QTest.keyClicks(passphrase, open(os.path.join(KEYS, 'passphrase.txt')).read())
    click(button(d, QDialogButtonBox.Ok))
    check('key_dialog_tj', not d.isVisible(), d.findChild(QLabel, 'mProblem').text())


def geodesic(lon1, lat1, lon2, lat2):
    """GeographicLib's own GeodSolve (the command-line tool), as the oracle: metres, azimuth."""
    out = subprocess.run(['GeodSolve', '-i', '-p', '9'], input='%.12f %.12f %.12f %.12f\n' % (lat1, lon1, lat2, lon2),
                         capture_output=True, text=True, check=True).stdout.split()
    return float(out[2]), float(out[0]) % 360


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
    return lambda: limes_group() is not None and QApplication.activeModalWidget() is None


@step
def frame_pillar_17():
    f = pillar_feature('17')
    check('pillar_17_shown', f is not None)
    p = f.geometry().asPoint()
    state['designed'] = (p.x(), p.y())
    state['rows_before'] = pillar_rows()
    state['entries_before'] = len(ledger_rows())
    centre = to_map(p.x(), p.y())
    # 1:5 000 around the pillar: its neighbours stay far apart, a 5 m deviation is a few pixels
    iface.mapCanvas().setExtent(QgsRectangle(centre.x() - 300, centre.y() - 180, centre.x() + 300, centre.y() + 180))
    iface.mapCanvas().refresh()
    check('survey_action_enabled', action('mActionLimesSurveyPillar').isEnabled())
    shot('01-workspace-at-pillar-17')
    return 1500


@step
def start_tool():
    iface.mapCanvas().setFocus()
    action('mActionLimesSurveyPillar').trigger()
    QTest.qWait(500)
    d = dialog()
    check('form_open', d is not None and d.isVisible())
    lon, lat = state['designed']
    at = pixel(lon, lat)
    check('map_not_moved', abs(at.x() - iface.mapCanvas().width() / 2) < 3 and abs(at.y() - iface.mapCanvas().height() / 2) < 3, (at, iface.mapCanvas().size()))
    check('tool_active', action('mActionLimesSurveyPillar').isChecked() and iface.mapCanvas().mapTool() is not None
          and iface.mapCanvas().mapTool().action() is action('mActionLimesSurveyPillar'))
    d.move(1030, 440)
    shot('02-survey-form-waiting-for-a-pillar')
    return 500


@step
def click_beside_nothing():
    # far from any pillar: nothing picked, one line says so
    lon, lat = state['designed']
    at = pixel(lon, lat)
    click_canvas(QPoint(at.x() + 150, at.y() + 100))
    check('no_pillar_there', 'No pillar within a few pixels' in message_bar_text(), message_bar_text())
    check('still_no_pillar', field(QLabel, 'mSurveyPillarNumber').text() == 'Click a pillar on the map.', field(QLabel, 'mSurveyPillarNumber').text())
    return 300


@step
def pick_pillar_17():
    lon, lat = state['designed']
    at = pixel(lon, lat)
    click_canvas(QPoint(at.x() + 3, at.y() - 2))   # a few pixels beside it, as a hand clicks
    number = field(QLabel, 'mSurveyPillarNumber').text()
    check('pillar_17_picked', number == '17 (segment S-003)', number)
    designed = field(QLabel, 'mSurveyDesigned').text()
    e, n = QgsCoordinateTransform(WGS84, UTM, QgsProject.instance()).transform(QgsPointXY(lon, lat))
    state['utm'] = (e, n)
    check('designed_shown_in_utm_and_degrees', designed.split('\n') == ['%.3f, %.3f (EPSG:32642, working CRS)' % (e, n), '%.9f°, %.9f° (WGS 84)' % (lon, lat)], designed)
    history = field(QTreeWidget, 'mSurveyHistory')
    check('no_earlier_survey', history.topLevelItemCount() == 1 and history.topLevelItem(0).text(0) == 'not surveyed yet')
    shot('03-pillar-17-picked')
    return 300


@step
def pick_position_on_map():
    lon, lat = state['designed']
    at = pixel(lon, lat)
    click(field(QPushButton, 'mSurveyPick'))
    QTest.qWait(200)
    target = QPoint(at.x() + 40, at.y() - 30)
    click_canvas(target)
    expected = iface.mapCanvas().getCoordinateTransform().toMapCoordinates(target)
    x, y = float(field(QLineEdit, 'mSurveyX').text()), float(field(QLineEdit, 'mSurveyY').text())
    check('picked_position_in_form', abs(x - expected.x()) < 0.01 and abs(y - expected.y()) < 0.01, (x, y, expected.x(), expected.y()))
    check('picked_deviation_shown', re.match(r'^\d+\.\d{3} m at an azimuth of \d+\.\d°$', field(QLabel, 'mSurveyDeviation').text()) is not None,
          field(QLabel, 'mSurveyDeviation').text())
    shot('04-position-picked-on-map')
    return 300


@step
def type_survey():
    e, n = state['utm']
    state['typed'] = ('%.3f' % (e + 3), '%.3f' % (n + 4))
    type_into(field(QLineEdit, 'mSurveyX'), state['typed'][0])
    type_into(field(QLineEdit, 'mSurveyY'), state['typed'][1])
    type_into(field(QDoubleSpinBox, 'mSurveyAccuracy'), '0.03')
    date = field(QDateEdit, 'mSurveyDate')
    click(date)
    QTest.keyClick(date, Qt.Key_Home)
    QTest.keyClicks(date, '2025-09-03')    # a separator moves on to the next section, as typing a date does
    QTest.keyClick(date, Qt.Key_Tab)
    QTest.qWait(200)
    check('date_typed', date.date().toString(Qt.ISODate) == '2025-09-03', date.date().toString(Qt.ISODate))
    check('accuracy_typed', abs(field(QDoubleSpinBox, 'mSurveyAccuracy').value() - 0.03) < 1e-9)
    # the live deviation against GeographicLib's GeodSolve on the position PROJ gives the typed UTM numbers
    surveyed = QgsCoordinateTransform(UTM, WGS84, QgsProject.instance()).transform(QgsPointXY(float(state['typed'][0]), float(state['typed'][1])))
    state['surveyed'] = (surveyed.x(), surveyed.y())
    metres, azimuth = geodesic(state['designed'][0], state['designed'][1], surveyed.x(), surveyed.y())
    state['oracle'] = (metres, azimuth)
    shown = field(QLabel, 'mSurveyDeviation').text()
    check('deviation_is_geodsolve', shown == '%.3f m at an azimuth of %.1f°' % (metres, azimuth), (shown, metres, azimuth))
    check('deviation_about_5m', abs(metres - 5.0) < 0.01, metres)
    shot('05-survey-typed-in-utm')
    return 300


@step
def save():
    modal(key_dialog)
    QTimer.singleShot(0, lambda: click(field(QPushButton, 'mSurveySave')))
    return lambda: len(ledger_rows()) > state['entries_before'] and QApplication.activeModalWidget() is None


@step
def saved():
    rows = ledger_rows()
    check('one_entry_appended', len(rows) == state['entries_before'] + 1, len(rows))
    import json
    entry_id, kind, payload = rows[-1]
    survey = json.loads(payload).get('survey', {})
    check('entry_records_the_survey', kind == 'pillars' and survey.get('pillar') == '17' and survey.get('accuracy_m') == '0.030000000'
          and survey.get('date') == '2025-09-03', (kind, payload))
    check('entry_position_is_proj', abs(float(survey.get('lon', 0)) - state['surveyed'][0]) < 1e-8 and abs(float(survey.get('lat', 0)) - state['surveyed'][1]) < 1e-8,
          (survey, state['surveyed']))
    check('designed_row_unchanged', pillar_rows() == state['rows_before'])
    f = pillar_feature('17')
    check('layer_shows_survey', f is not None and abs(f['surveyed_x'] - state['surveyed'][0]) < 1e-8 and abs(f['deviation_m'] - state['oracle'][0]) < 1e-3
          and f['survey_entry'] == entry_id and f.geometry().asPoint().x() == state['designed'][0], f.attributes() if f else None)
    text = message_bar_text()
    check('message_bar_says_what', ('Pillar 17 surveyed on 2025-09-03 (±0.030 m): %.3f m' % state['oracle'][0]) in text and ('entry %d, signed by TJ' % entry_id) in text, text)
    history = field(QTreeWidget, 'mSurveyHistory')
    check('history_lists_it', history.topLevelItemCount() == 1 and history.topLevelItem(0).text(0) == 'entry %d' % entry_id,
          [history.topLevelItem(i).text(0) for i in range(history.topLevelItemCount())])
    verify = subprocess.run([CLI, 'workspace', 'verify', WS], capture_output=True, text=True)
    check('cli_verify_clean', verify.returncode == 0 and 'chain intact' in verify.stdout, verify.stdout + verify.stderr)
    state['entry'] = entry_id
    # zoomed to the pillar: the designed square, the surveyed cross and the line between them
    lon, lat = state['designed']
    centre = to_map(lon, lat)
    iface.mapCanvas().setExtent(QgsRectangle(centre.x() - 12, centre.y() - 8, centre.x() + 12, centre.y() + 8))
    iface.mapCanvas().refresh()
    return 2000


@step
def saved_shot():
    shot('06-survey-recorded-cross-at-surveyed-position')
    return 300


@step
def refused_accuracy():
    lon, lat = state['designed']
    at = pixel(lon, lat)
    click_canvas(at)                        # the pillar again: the form shows it with its survey
    check('picked_again', field(QLabel, 'mSurveyPillarNumber').text().startswith('17'))
    e, n = state['utm']
    type_into(field(QLineEdit, 'mSurveyX'), '%.3f' % (e + 1))
    type_into(field(QLineEdit, 'mSurveyY'), '%.3f' % n)
    type_into(field(QDoubleSpinBox, 'mSurveyAccuracy'), '0')
    click(field(QPushButton, 'mSurveySave'))
    QTest.qWait(500)
    check('accuracy_0_refused', message_bar_text() == 'Limes: the survey was not recorded the survey accuracy must be a number of metres above 0 (got 0)', message_bar_text())
    check('nothing_stored', len(ledger_rows()) == state['entries_before'] + 1 and pillar_rows() == state['rows_before'])
    shot('07-accuracy-0-refused')
    return 300


@step
def esc_ends_tool():
    iface.mapCanvas().setFocus()
    QTest.keyClick(iface.mapCanvas(), Qt.Key_Escape)
    QTest.qWait(300)
    check('esc_ends_tool', not action('mActionLimesSurveyPillar').isChecked() and not dialog().isVisible())
    return 300


# ---------------------------------------------------------------- the Validate dock on the latest survey

def validate_dock():
    from qgis.PyQt.QtWidgets import QDockWidget
    return win().findChild(QDockWidget, 'LimesValidateDock')


@step
def validate_run():
    from qgis.PyQt.QtWidgets import QAbstractButton, QComboBox
    action('mActionLimesValidate').trigger()
    QTest.qWait(1000)
    dock = validate_dock()
    check('validate_dock_shown', dock is not None and dock.isVisible())
    pillars = dock.findChild(QComboBox, 'mValidatePillars')
    check('validate_on_workspace_pillars', pillars is not None and pillars.currentText() == 'Pillars', pillars.currentText() if pillars else None)
    check('validate_line_workspace', dock.findChild(QComboBox, 'mValidateLine').currentText() == 'DCW by segment (agreed, workspace)',
          dock.findChild(QComboBox, 'mValidateLine').currentText())
    click(dock.findChild(QAbstractButton, 'mValidateRun'))
    return lambda: 'finding' in dock.findChild(QLabel, 'mValidateStatus').text()


@step
def validate_reports_the_survey():
    tree = validate_dock().findChild(QTreeWidget, 'mValidateFindings')
    found, items = [], []
    for i in range(tree.topLevelItemCount()):
        heading = tree.topLevelItem(i)
        if heading.text(0).startswith('pillar_survey_deviation — '):
            items += [heading.child(c) for c in range(heading.childCount())]
    found = [item.text(0) for item in items]
    # 5.00 m from its designed position: as the form and GeodSolve said, to the rule's centimetre
    expected = 'pillar 17 was surveyed %.2f m from its designed position (tolerance 0.50 m, survey accuracy 0.03 m)' % state['oracle'][0]
    check('validate_reports_deviation', found == [expected], (found, expected))
    validate_dock().raise_()
    if items:   # the finding clicked, as a person looks at it: the list scrolls to it and the map goes there
        tree.scrollToItem(items[0])
        QTest.mouseClick(tree.viewport(), Qt.LeftButton, Qt.NoModifier, tree.visualItemRect(items[0]).center())
        QTest.qWait(1500)
    shot('08-validate-reports-the-deviation')
    return 300


begin()
