# SPDX-License-Identifier: GPL-2.0-or-later
"""Runs inside the real QGIS desktop (qgis.bin --code): Limes on a shared PostgreSQL workspace
(the PostGIS fixture), logged in as the TJ delegation, driven as a person would. The TJ login
is a connection saved in QGIS whose user and password are in QGIS's authentication database
(authcfg); the test opens it through Limes' Open dialog, checks the dock against the CLI,
records a decision as TJ with TJ's key (the form says only TJ's position can be recorded),
meets a concurrent write by KG from the CLI (reported, nothing lost), compares two versions,
validates, and closes. Screenshots pg-NN-step.png; result.json; QGIS exits with the result.
The workspace and the CLI's answers come from prepare_workspace_pg.sh (OUT/data)."""
import datetime
import glob
import json
import os
import re
import subprocess
import sys

from qgis.core import (QgsApplication, QgsAuthMethodConfig, QgsDataSourceUri, QgsProject, QgsProviderRegistry,
                       QgsSettings)
from qgis.PyQt.QtCore import QPoint, Qt, QTimer
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialogButtonBox, QDockWidget, QLabel, QLineEdit,
                                 QRadioButton, QTableView, QTableWidget, QTextBrowser)
from qgis.utils import iface

sys.path.insert(0, os.environ['LIMES_E2E_DIR'])
from limes_e2e import OUT, action, begin, button, check, choose, click, modal, shot, step, tick_item, type_cell, type_number, win  # noqa: E402

DATA = os.path.join(OUT, 'data')
KEYS = os.path.join(DATA, 'keys')
PG = json.load(open(os.path.join(DATA, 'pg.json')))
CONNECTION = 'Fergana commission (TJ delegation)'
GROUP = 'Limes — ' + CONNECTION
KG = PG['kg']   # the other delegation's login, a libpq service (~/.pg_service.conf, ~/.pgpass)
state = {}




def limes_group():
    return QgsProject.instance().layerTreeRoot().findGroup(GROUP)


def group_layer(name):
    group = limes_group()
    for node in group.findLayers() if group else []:
        if node.layer() is not None and node.layer().name() == name and node.parent() == group:
            return node.layer()
    return None


def segments_dock():
    return win().findChild(QDockWidget, 'LimesSegmentsDock')


def cli(*args):
    env = dict(os.environ, LIMES_KEY_PASSPHRASE=open(os.path.join(KEYS, 'passphrase.txt')).read())
    return subprocess.run([os.environ['LIMES_E2E_CLI']] + list(args), capture_output=True, text=True, timeout=300, env=env)


def sql(query):
    """The database as its superuser sees it: an answer that does not come from Limes."""
    psql = sorted(glob.glob('/usr/lib/postgresql/*/bin/psql'))[-1]
    r = subprocess.run([psql, '-h', PG['host'], '-p', PG['port'], '-U', 'postgres', '-d', PG['dbname'], '-qAtX', '-F', '|', '-c', query],
                       capture_output=True, text=True, timeout=60)
    return r.stdout.strip()


def cli_statuses(text):
    statuses = {}
    for line in text.splitlines():
        m = re.match(r'^  (S-\d+)\s+(.+?)\s*$', line)
        if m:
            statuses[m.group(1)] = m.group(2)
    return statuses


def label_of(status):
    m = re.match(r'^agreed \(awaiting (.+)\)$', status)
    return 'agreed, awaiting %s' % m.group(1) if m else {'referred to working group': 'referred'}.get(status, status)


def table_statuses():
    model = segments_dock().findChild(QTableView, 'mSegmentsTable').model()
    return {model.index(r, 0).data(): model.index(r, 1).data() for r in range(model.rowCount())}


def status_of(code):
    return table_statuses().get(code, '')


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


def party_row(table, code):
    for r in range(table.rowCount()):
        if table.item(r, 0).text().startswith(code + ' '):
            return r
    return -1


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


def message_bar_texts():
    return [(item.title() + ' ' + item.text()).strip() for item in iface.messageBar().items()]


def fingerprint(key_file):
    return cli('key', 'fingerprint', '--key', os.path.join(KEYS, key_file)).stdout.strip()


def verify():
    trust = []
    for who, f in (('TJ', 'tj.key'), ('KG', 'kg.key'), ('SECRETARIAT', 'secretariat.key')):
        trust += ['--trust', '%s=%s' % (who, fingerprint(f))]
    return cli('workspace', 'verify', KG, *trust)


# ---------------------------------------------------------------- the saved connection, opened

@step
def start():
    win().setGeometry(0, 0, 1600, 1000)   # Xvfb has no window manager to maximize it
    check('sample_project', QgsProject.instance().read(os.environ.get('LIMES_E2E_PROJECT')))
    iface.mapCanvas().zoomToFullExtent()
    # what a person does once in QGIS: a master password, a Basic authentication configuration
    # with TJ's login, and a PostgreSQL connection that names it (no password in the settings)
    auth = QgsApplication.authManager()
    check('auth_master_password', auth.setMasterPassword('e2e master password', True))
    config = QgsAuthMethodConfig('Basic')
    config.setName('TJ delegation login')
    config.setConfig('username', PG['tj_user'])
    config.setConfig('password', PG['tj_password'])
    stored = auth.storeAuthenticationConfig(config)
    if isinstance(stored, tuple):
        stored, config = stored[0], stored[1]
    state['authcfg'] = config.id()
    check('auth_config_stored', stored and len(config.id()) == 7, config.id())
    uri = QgsDataSourceUri()
    uri.setConnection(PG['host'], PG['port'], PG['dbname'], '', '', QgsDataSourceUri.SslDisable, config.id())
    postgres = QgsProviderRegistry.instance().providerMetadata('postgres')
    postgres.saveConnection(postgres.createConnection(uri.uri(False), {}), CONNECTION)
    settings = QgsSettings()
    settings.sync()
    values = ' '.join(str(settings.value(k)) for k in settings.allKeys())
    check('connection_saved_without_password', CONNECTION in postgres.connections(False) and PG['tj_password'] not in values)
    return 2000


@step
def open_dialog():
    def fill(dialog):
        # on the round button itself, as a person clicks it: the widget spans the dialog's width
        # and a click in its middle, past the label, does nothing (QGIS 3.40's style)
        radio = dialog.findChild(QRadioButton, 'mConnectionRadio')
        QTest.mouseClick(radio, Qt.LeftButton, Qt.NoModifier, QPoint(radio.height() // 2, radio.height() // 2))
        check('open_choose_connection_radio', radio.isChecked())
        check('open_choose_connection', choose(dialog.findChild(QComboBox, 'mConnectionCombo'), CONNECTION))
        info = dialog.findChild(QLabel, 'mConnectionInfo').text()
        check('open_dialog_names_authcfg', "authentication database" in info and state['authcfg'] in info
              and PG['tj_password'] not in info, info)
        shot('pg-01-open-dialog')
        open_button = button(dialog, QDialogButtonBox.Open)
        check('open_dialog_accepts_connection', open_button.isEnabled(), dialog.findChild(QLabel, 'mProblem').text())
        click(open_button)
    modal(fill)
    QTimer.singleShot(0, action('mActionLimesOpen').trigger)
    return lambda: limes_group() is not None and QApplication.activeModalWidget() is None


@step
def workspace_opened():
    segments, pillars = group_layer('Segments'), group_layer('Pillars')
    check('pg_segments_layer', segments is not None and segments.featureCount() == 34, segments and segments.featureCount())
    check('pg_pillars_layer', pillars is not None and pillars.featureCount() == 267 and pillars.labelsEnabled())
    versions = limes_group().findGroup('Versions')
    names = sorted(n.layer().name() for n in versions.findLayers()) if versions else None
    check('pg_version_layers', names == sorted(['DCW', 'WDBII', 'DCW by segment', 'TJ claim S-003', 'KG claim S-003']), names)
    dock = segments_dock()
    check('pg_dock_shown', dock is not None and dock.isVisible() and CONNECTION in dock.windowTitle(), dock and dock.windowTitle())
    cli_info = open(os.path.join(DATA, 'info-before.txt')).read()
    expected = {code: label_of(s) for code, s in cli_statuses(cli_info).items()}
    shown = table_statuses()
    check('pg_dock_statuses_match_cli', len(expected) == 34 and shown == expected
          and shown.get('S-001') == 'agreed' and shown.get('S-004') == 'deferred', sorted(set(shown.items()) ^ set(expected.items())))
    if segments is not None:
        layer = {f['code']: f['status'] for f in segments.getFeatures()}
        check('pg_layer_statuses_match_cli', layer == cli_statuses(cli_info), layer)
    iface.mapCanvas().refreshAllLayers()
    return 3000


@step
def shot_opened():
    shot('pg-02-workspace-open')
    return 300


# ---------------------------------------------------------------- a decision recorded as TJ

@step
def record_as_tj():
    def fill(dialog):
        note = dialog.findChild(QLabel, 'mDelegationNote')
        check('form_says_tj_only', note.isVisible() and "only TJ's position" in note.text(), note.text())
        table = dialog.findChild(QTableWidget, 'mPartiesTable')
        kg, tj = party_row(table, 'KG'), party_row(table, 'TJ')
        check('form_kg_read_only', not type_cell(table, kg, 1, 'typed by TJ') and table.item(kg, 1).text() == ''
              and not (table.item(kg, 2).flags() & Qt.ItemIsEditable))
        QTest.keyClicks(dialog.findChild(QLineEdit, 'mProtocolEdit'), '24')
        QTest.keyClicks(dialog.findChild(QLineEdit, 'mPlaceEdit'), 'Dushanbe')
        decision = dialog.findChild(QComboBox, 'mDecisionCombo')
        check('form_choose_agreed', choose(decision, 'agreed'))
        save = button(dialog, QDialogButtonBox.Save)
        problems = dialog.findChild(QLabel, 'mProblems').text()
        check('form_refuses_agreement_as_tj', not save.isEnabled() and 'cannot record an agreement' in problems, problems)
        shot('pg-03-agreement-refused-as-tj')
        check('form_choose_disputed', choose(decision, 'disputed'))
        check('form_type_tj_position', type_cell(table, tj, 1, 'the line of the 1927 map'))
        check('form_type_tj_signatory', type_cell(table, tj, 2, 'N. Rahimov (synthetic)'))
        check('form_accepts', save.isEnabled(), dialog.findChild(QLabel, 'mProblems').text())
        shot('pg-04-record-as-tj')
        modal(key_dialog('tj.key', 'pg-05-signing-key'), 1000)   # the first signed write asks for the key
        click(save)
    segments_dock().raise_()
    check('click_row_S-005', click_segment_row('S-005'))
    modal(fill, 2500)
    QTimer.singleShot(0, lambda: click(segments_dock().findChild(QAbstractButton, 'mSegmentsRecord')))
    return lambda: QApplication.activeModalWidget() is None and status_of('S-005') == 'disputed'


@step
def recorded_as_tj():
    row = sql("SELECT signer_party, positions, signatories FROM limes.ledger WHERE segment = 'S-005' ORDER BY id DESC LIMIT 1").split('|')
    check('db_entry_signed_by_tj', row[0] == 'TJ' and json.loads(row[1]) == {'TJ': 'the line of the 1927 map'}
          and json.loads(row[2]) == {'TJ': ['N. Rahimov (synthetic)']}, row)
    info = cli('workspace', 'info', KG).stdout
    check('pg_cli_status_follows', re.search(r'^  S-005 +disputed$', info, re.M) is not None, info[:400])
    check('pg_layer_status_follows', [f['status'] for f in group_layer('Segments').getFeatures() if f['code'] == 'S-005'] == ['disputed'])
    v = verify()
    check('pg_verify_after_tj', v.returncode == 0, v.stdout[-400:] + v.stderr[-400:])
    shot('pg-06-recorded-as-tj')
    return 300


# ---------------------------------------------------------------- KG writes while TJ's form is open

@step
def concurrent_write():
    def fill(dialog):
        table = dialog.findChild(QTableWidget, 'mPartiesTable')
        QTest.keyClicks(dialog.findChild(QLineEdit, 'mProtocolEdit'), '25')
        QTest.keyClicks(dialog.findChild(QLineEdit, 'mPlaceEdit'), 'Khujand')
        check('conflict_type_position', type_cell(table, party_row(table, 'TJ'), 1, 'the canal head stays on the Tajik side'))
        # meanwhile, at the other delegation: KG records about the same segment from the CLI
        kg = cli('ledger', 'add', KG, '--segment', 'S-003', '--protocol', '25', '--date', datetime.date.today().isoformat(),
                 '--decision', 'disputed', '--position', 'KG=the canal head is shared', '--author', 'KG delegation',
                 '--key', os.path.join(KEYS, 'kg.key'))
        m = re.search(r'^Recorded entry (\d+):', kg.stdout, re.M)
        check('kg_writes_meanwhile', kg.returncode == 0 and m is not None, kg.stdout + kg.stderr)
        state['kg_entry'] = int(m.group(1)) if m else -1
        save = button(dialog, QDialogButtonBox.Save)
        click(save)   # the key is held since the first write: no key dialog
        QTest.qWait(500)
        problems = dialog.findChild(QLabel, 'mProblems').text()
        bar = message_bar_texts()
        conflict = 'KG recorded entry %d about S-003' % state['kg_entry']
        check('conflict_form_stays_open', dialog.isVisible())
        check('conflict_in_form', conflict in problems and 'your entry is kept' in problems, problems)
        check('conflict_one_message_bar_line', any(conflict in t and '\n' not in t for t in bar), bar)
        check('conflict_input_kept', dialog.findChild(QLineEdit, 'mProtocolEdit').text() == '25'
              and table.item(party_row(table, 'TJ'), 1).text() == 'the canal head stays on the Tajik side')
        supersedes = dialog.findChild(QComboBox, 'mSupersedesCombo')
        check('conflict_new_entry_offered', supersedes.findText('#%d · protocol 25' % state['kg_entry'], Qt.MatchStartsWith) >= 0,
              [supersedes.itemText(i) for i in range(supersedes.count())])
        check('conflict_nothing_written', sql("SELECT count(*) FROM limes.ledger WHERE protocol = '25'") == '1')
        shot('pg-07-conflict-reported')
        click(save)   # looked at, recorded again: after KG's
    check('click_row_S-003', click_segment_row('S-003'))
    modal(fill, 2500)
    QTimer.singleShot(0, lambda: click(segments_dock().findChild(QAbstractButton, 'mSegmentsRecord')))
    return lambda: QApplication.activeModalWidget() is None and sql("SELECT count(*) FROM limes.ledger WHERE protocol = '25'") == '2'


@step
def both_recorded():
    rows = [r.split('|') for r in sql("SELECT id, signer_party, positions FROM limes.ledger WHERE protocol = '25' ORDER BY id").splitlines()]
    check('nothing_lost', len(rows) == 2 and rows[0][0] == str(state['kg_entry']) and rows[0][1] == 'KG' and rows[1][1] == 'TJ'
          and json.loads(rows[0][2]) == {'KG': 'the canal head is shared'}
          and json.loads(rows[1][2]) == {'TJ': 'the canal head stays on the Tajik side'}, rows)
    text = segments_dock().findChild(QTextBrowser, 'mSegmentDetail').toPlainText()
    check('dock_shows_both', 'the canal head is shared' in text and 'the canal head stays on the Tajik side' in text, text[-600:])
    v = verify()
    check('pg_verify_after_conflict', v.returncode == 0, v.stdout[-400:] + v.stderr[-400:])
    shot('pg-08-both-recorded')
    return 300


# ---------------------------------------------------------------- compare two versions

compare_state = {}


def change_group(old, new):
    return QgsProject.instance().layerTreeRoot().findGroup('Change: %s → %s' % (old, new))


@step
def compare_versions():
    from qgis.PyQt.QtWidgets import QDoubleSpinBox, QListWidget

    def fill(dialog):
        combos = {c.objectName(): c for c in dialog.findChildren(QComboBox)}
        check('compare_old', choose(combos['mOldCombo'], 'DCW (historical, workspace)'))
        check('compare_new', choose(combos['mNewCombo'], 'WDBII (draft, workspace)'))
        check('compare_tick_water', tick_item(dialog.findChild(QListWidget, 'mResourcesList'), 'synthetic_water_points'))
        check('compare_segments', choose(combos['mSegmentsLayer'], 'segments'))
        spins = {s.objectName(): s for s in dialog.findChildren(QDoubleSpinBox)}
        type_number(spins['mMinArea'], '1000')
        type_number(spins['mMaxEndGap'], '5000')
        shot('pg-09-compare-dialog')
        click(button(dialog, QDialogButtonBox.Ok))
    modal(fill)
    QTimer.singleShot(0, action('mActionLimesCompare').trigger)
    return lambda: change_group('DCW', 'WDBII') is not None


@step
def compare_results():
    group = change_group('DCW', 'WDBII')
    transfers = [n.layer() for n in group.findLayers() if n.layer().name() == 'Land that changes sides']
    areas = {}
    for f in transfers[0].getFeatures() if transfers else []:
        key = (f['from_party'], f['to_party'])
        areas[key] = areas.get(key, 0.0) + f['area_m2']
    expected = {(t['from'], t['to']): t['area_m2'] for t in json.load(open(os.path.join(DATA, 'cli-change.json')))['transfers']}
    check('pg_compare_areas_equal_cli', len(expected) >= 2 and set(areas) == set(expected)
          and all(abs(areas[k] - expected[k]) <= 1e-9 * expected[k] for k in expected), (areas, expected))
    transfers and transfers[0].triggerRepaint()
    return 3000


@step
def compare_shot():
    shot('pg-10-compare-results')
    change_group('DCW', 'WDBII').setItemVisibilityChecked(False)
    return 300


# ---------------------------------------------------------------- validate

def validate_dock():
    return win().findChild(QDockWidget, 'LimesValidateDock')


def planted_faults_layer():
    """The DCW line with a repeated vertex planted."""
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer
    dcw = QgsProject.instance().mapLayersByName('boundary_dcw')[0]
    layer = QgsVectorLayer('LineString?crs=EPSG:4326', 'dcw_with_faults', 'memory')
    features = []
    planted = False
    for f in dcw.getFeatures():
        line = f.geometry().asPolyline() or f.geometry().asMultiPolyline()[0]
        if not planted and len(line) > 60:
            line.insert(21, QgsPointXY(line[20]))
            planted = True
        g = QgsFeature()
        g.setGeometry(QgsGeometry.fromPolylineXY(line))
        features.append(g)
    layer.dataProvider().addFeatures(features)
    return layer


def finding_items(rule):
    from qgis.PyQt.QtWidgets import QTreeWidget
    tree = validate_dock().findChild(QTreeWidget, 'mValidateFindings')
    items = []
    for i in range(tree.topLevelItemCount()):
        heading = tree.topLevelItem(i)
        if heading.text(0).startswith(rule + ' — '):
            items += [heading.child(c) for c in range(heading.childCount())]
    return tree, items


@step
def validate_run():
    QgsProject.instance().addMapLayer(planted_faults_layer())
    action('mActionLimesValidate').trigger()
    QTest.qWait(1000)
    dock = validate_dock()
    check('pg_validate_choose_line', choose(dock.findChild(QComboBox, 'mValidateLine'), 'dcw_with_faults'))
    click(dock.findChild(QAbstractButton, 'mValidateRun'))
    return lambda: 'finding' in dock.findChild(QLabel, 'mValidateStatus').text()


@step
def validate_accept():
    tree, duplicates = finding_items('duplicate_vertex')
    check('pg_validate_planted_duplicate', len(duplicates) == 1, [i.text(0) for i in duplicates])
    shot('pg-11-validate-findings')
    tree.scrollToItem(duplicates[0])
    QTest.mouseClick(tree.viewport(), Qt.LeftButton, Qt.NoModifier, tree.visualItemRect(duplicates[0]).center())

    def reason(dialog):
        QTest.keyClicks(dialog.findChild(QLineEdit), 'digitized twice in the annex; harmless')
        click(button(dialog, QDialogButtonBox.Ok))
    modal(reason, 1000)
    QTimer.singleShot(0, lambda: click(validate_dock().findChild(QAbstractButton, 'mValidateAccept')))
    return lambda: QApplication.activeModalWidget() is None and 'accepted' in finding_items('duplicate_vertex')[1][0].text(4)


@step
def validate_accepted():
    info = cli('workspace', 'info', KG).stdout
    check('pg_accept_in_workspace', 'accepted validation findings: 1' in info, [l for l in info.splitlines() if 'accepted' in l])
    check('pg_accept_signed_by_tj', sql("SELECT signer_party FROM limes.ledger WHERE kind = 'finding'") == 'TJ')
    shot('pg-12-validate-accepted')
    return 300


# ---------------------------------------------------------------- close

@step
def close_workspace():
    action('mActionLimesClose').trigger()
    names = [l.name() for l in QgsProject.instance().mapLayers().values()]
    check('pg_close_removes_group', limes_group() is None and 'Segments' not in names and 'Pillars' not in names, names)
    check('pg_close_empties_dock', segments_dock().findChild(QTableView, 'mSegmentsTable').model().rowCount() == 0)
    v = verify()
    check('pg_verify_at_close', v.returncode == 0, v.stdout[-400:] + v.stderr[-400:])
    return 1000


@step
def shot_closed():
    shot('pg-13-closed')
    return 300


@step
def reopen_from_recent():
    """The recent-workspaces menu names the connection, never its password, and opens it again."""
    from qgis.PyQt.QtWidgets import QMenu
    menu = win().findChild(QMenu, 'mLimesRecentMenu')
    menu.aboutToShow.emit()
    actions = menu.actions()
    check('pg_recent_lists_connection', bool(actions) and actions[0].text() == 'PostgreSQL: ' + CONNECTION, [a.text() for a in actions])
    recent = QgsSettings().value('Limes/recentWorkspaces')
    check('pg_recent_keeps_no_password', recent and recent[0] == 'postgres:' + CONNECTION and PG['tj_password'] not in str(recent), recent)
    if actions:
        actions[0].trigger()
    return lambda: limes_group() is not None


@step
def reopened():
    check('pg_reopened_statuses', status_of('S-005') == 'disputed' and status_of('S-001') == 'agreed' and status_of('S-004') == 'deferred',
          table_statuses())
    iface.mapCanvas().refreshAllLayers()
    return 2000


@step
def reopened_shot():
    shot('pg-14-reopened-from-recent')
    action('mActionLimesClose').trigger()
    check('pg_closed_again', limes_group() is None)
    return 500


begin()
