# SPDX-License-Identifier: GPL-2.0-or-later
"""Runs inside the real QGIS desktop (qgis.bin --code): the Compare dialog's Report… button as a
person uses it. The sample workspace is opened, DCW and WDBII are set up for comparison,
Report… asks for the file (Qt's save dialog, the path typed) and the language, a progress
dialog shows while the report is written, the PDF is there with the CLI's figures, the Compare
dialog closes (no comparison starts) and the message bar names the PDF. A second report is
cancelled from its progress dialog while the layouts are being exported: no PDF, no CSV, no
temporary file is left, the dialog stays open and says why, and so does the message bar.
A screenshot per step (NN-*.png). The workspace comes from prepare_workspace.sh (OUT/data)."""
import json
import os
import subprocess
import sys

from qgis.core import QgsProject
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import (QApplication, QComboBox, QDialogButtonBox, QDoubleSpinBox, QFileDialog, QInputDialog, QLabel,
                                 QLineEdit, QListWidget, QProgressDialog, QPushButton)
from qgis.utils import iface

sys.path.insert(0, os.environ['LIMES_E2E_DIR'])
from limes_e2e import OUT, action, begin, button, check, choose, click, modal, shot, step, tick_item, type_number, win  # noqa: E402

DATA = os.path.join(OUT, 'data')
WS = os.path.join(DATA, 'fergana-workspace.gpkg')
GROUP = 'Limes — fergana-workspace'
WRITTEN = os.path.join(OUT, 'report-written')
CANCELLED = os.path.join(OUT, 'report-cancelled')
state = {'progress': [], 'cancel_clicked': False}


def limes_group():
    return QgsProject.instance().layerTreeRoot().findGroup(GROUP)


def message_bar_text():
    item = iface.messageBar().currentItem()
    return (item.title() + ' ' + item.text()) if item is not None else ''


def progress_dialog():
    for w in QApplication.topLevelWidgets():
        if isinstance(w, QProgressDialog) and w.isVisible():
            return w
    return None


def fill_compare(dialog):
    """The comparison as check_workspace.py sets it up: the CLI's cli-change.json has its figures."""
    combos = {c.objectName(): c for c in dialog.findChildren(QComboBox)}
    check('compare_old', choose(combos['mOldCombo'], 'DCW (historical, workspace)'))
    check('compare_new', choose(combos['mNewCombo'], 'WDBII (draft, workspace)'))
    check('compare_water', tick_item(dialog.findChild(QListWidget, 'mResourcesList'), 'synthetic_water_points'))
    check('compare_segments', choose(combos['mSegmentsLayer'], 'segments'))
    spins = {s.objectName(): s for s in dialog.findChildren(QDoubleSpinBox)}
    type_number(spins['mMinArea'], '1000')
    type_number(spins['mMaxEndGap'], '5000')
    report = dialog.findChild(QPushButton, 'mReportButton')
    check('report_button_enabled', report is not None and report.isEnabled())
    return report


def save_dialog(path, shot_name, then):
    """Qt's save dialog: the path typed into its file name field, then Return."""
    def fill(dialog):
        check('save_dialog_' + shot_name, isinstance(dialog, QFileDialog), type(dialog).__name__)
        edit = dialog.findChild(QLineEdit, 'fileNameEdit')
        click(edit)
        QTest.keyClicks(edit, path)
        shot(shot_name)
        then()   # the language dialog opens once this one has closed
        QTest.keyClick(edit, Qt.Key_Return)
    return fill


def language_dialog(language, shot_name, then):
    def fill(dialog):
        check('language_dialog_' + shot_name, isinstance(dialog, QInputDialog), type(dialog).__name__)
        check('language_' + language, choose(dialog.findChild(QComboBox), language))
        shot(shot_name)
        QTimer.singleShot(0, then)   # runs inside the report's progress dialog
        click(button(dialog, QDialogButtonBox.Ok))
    return fill


def watch_progress(shot_name, cancel_after=None, waited=0):
    """Looks at the progress dialog while the report is written (its setValue lets timers run);
    with cancel_after, presses its Cancel once the bar has passed that value. Only the newest
    report's watcher goes on."""
    if state.get('watching', shot_name) != shot_name:
        return
    state['watching'] = shot_name
    dialog = progress_dialog()
    if dialog is not None:
        state['progress'].append((shot_name, dialog.value()))
        if not state.get(shot_name):
            state[shot_name] = True
            shot(shot_name)
        if cancel_after is not None and dialog.value() > cancel_after and not state['cancel_clicked']:
            state['cancel_clicked'] = dialog.value()
            cancel = dialog.findChild(QPushButton)
            shot(shot_name + '-cancel')
            click(cancel)
            return
    if waited < 240000 and (dialog is not None or waited < 20000):
        QTimer.singleShot(100, lambda: watch_progress(shot_name, cancel_after, waited + 100))


def report_from_compare(folder, language, shots, cancel_after=None):
    os.makedirs(folder, exist_ok=True)
    state['watching'] = shots[3]
    pdf = os.path.join(folder, 'annex.pdf')

    def fill(dialog):
        report = fill_compare(dialog)
        shot(shots[0])
        modal(save_dialog(pdf, shots[1], lambda: modal(language_dialog(language, shots[2], lambda: watch_progress(shots[3], cancel_after)))))
        click(report)
    modal(fill)
    QTimer.singleShot(0, action('mActionLimesCompare').trigger)
    return pdf


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
def write_report():
    state['pdf'] = report_from_compare(WRITTEN, 'English', ['01-compare-dialog', '02-save-dialog', '03-language', '04-progress'])
    return lambda: 'annex.pdf' in message_bar_text()


@step
def report_written():
    pdf = state['pdf']
    shot('05-message-bar')
    text = message_bar_text()
    check('message_bar_names_pdf', pdf in text and 'pages' in text, text)
    check('progress_dialog_shown', any(name == '04-progress' for name, _ in state['progress']), state['progress'][:5])
    check('pdf_written', os.path.getsize(pdf) > 100000 if os.path.exists(pdf) else False, os.listdir(WRITTEN))
    check('csv_and_gpkg_beside', os.path.exists(os.path.join(WRITTEN, 'annex.gpkg')) and os.path.exists(os.path.join(WRITTEN, 'annex-transfers.csv')),
          os.listdir(WRITTEN))
    check('no_temporary_left', not [f for f in os.listdir(WRITTEN) if '.tmp' in f or f.startswith('.')], os.listdir(WRITTEN))
    # the CLI's figures (prepare_workspace.sh: limes change on the same inputs) are in the PDF
    words = subprocess.run(['pdftotext', '-layout', pdf, '-'], capture_output=True, text=True).stdout if os.path.exists(pdf) else ''
    summary = json.load(open(os.path.join(DATA, 'cli-change.json')))
    figures = ['%.4f' % (t['area_m2'] / 1e4) for t in summary['transfers']] + ['%.4f' % (g['area_m2'] / 1e4) for g in summary['segments']]
    check('pdf_has_cli_figures', 'Boundary change report' in words and len(figures) > 10 and all(f in words for f in figures),
          [f for f in figures if f not in words][:5])
    # the report was what the Compare dialog was set up for: it has closed, no comparison started
    check('compare_dialog_closed', QApplication.activeModalWidget() is None, QApplication.activeModalWidget())
    check('no_comparison_started', not [g for g in QgsProject.instance().layerTreeRoot().findGroups() if g.name().startswith('Change:')])
    return 300


@step
def cancel_report():
    iface.messageBar().clearWidgets()
    state['progress'] = []
    # Russian, cancelled once half the layouts are out: temporary files exist by then
    state['cancelled_pdf'] = report_from_compare(CANCELLED, 'Russian', ['06-compare-dialog', '07-save-dialog', '08-language', '09-progress'],
                                                 cancel_after=60)
    return lambda: 'cancelled' in message_bar_text()


@step
def report_cancelled():
    # the Compare dialog stays open to try again, and says why above its buttons
    dialog = QApplication.activeModalWidget()
    problems = dialog.findChild(QLabel, 'mProblems') if dialog is not None else None
    check('cancel_said_in_dialog', problems is not None and 'nothing written' in problems.text(), problems.text() if problems else dialog)
    shot('10-cancelled-in-dialog')
    check('cancel_clicked_while_exporting', state['cancel_clicked'] and state['cancel_clicked'] > 50, state['progress'][-5:])
    check('cancel_message', 'nothing written' in message_bar_text(), message_bar_text())
    check('cancel_leaves_nothing', os.listdir(CANCELLED) == [], os.listdir(CANCELLED))
    if dialog is not None:
        dialog.reject()
    return lambda: QApplication.activeModalWidget() is None


@step
def message_bar_after_cancel():
    shot('11-cancelled-message-bar')
    check('cancel_message_stays', 'nothing written' in message_bar_text(), message_bar_text())
    return 300


begin()
