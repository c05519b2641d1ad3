# SPDX-License-Identifier: GPL-2.0-or-later
"""What the end-to-end scripts share (they run inside the real QGIS desktop, qgis.bin --code):
checks collected by name, screenshots of the whole screen, steps run one after the other on
QGIS's event loop (each returns how long to let QGIS work, or a condition to wait for), the
modal dialog the next action opens, and the result written as OUT/result.json with QGIS's
exit status. run_e2e.sh puts this directory in LIMES_E2E_DIR."""
import json
import os
import subprocess
import traceback

from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QAction, QApplication, QDialogButtonBox, QLineEdit
from qgis.utils import iface

OUT = os.environ['LIMES_E2E_OUT']
checks = {}
gaps = {}
steps = []


def check(name, ok, detail=''):
    checks[name] = {'ok': bool(ok), 'detail': str(detail)}
    return bool(ok)


def known_gap(name, detail):
    """A behaviour known not to hold yet on this QGIS release: not a pass, printed as a gap."""
    gaps[name] = str(detail)


def shot(name):
    """A screenshot of the whole screen, as the user sees it now."""
    QTest.qWait(600)   # let every window repaint what closed popups uncovered
    path = os.path.join(OUT, name + '.png')
    try:
        subprocess.run(['import', '-window', 'root', path], check=True, timeout=60)
        check('screenshot_' + name, os.path.getsize(path) > 10000)
    except Exception as e:  # noqa: BLE001 - a failed screenshot is a failed check
        check('screenshot_' + name, False, e)


def step(fn):
    steps.append(fn)
    return fn


def run_steps():
    """Each step returns how long to let QGIS work before the next (ms), or a predicate to wait for."""
    if not steps:
        finish()
        return
    fn = steps.pop(0)
    try:
        result = fn()
    except Exception:  # noqa: BLE001 - any error becomes a failed check, never a hang
        check('step_' + fn.__name__, False, traceback.format_exc())
        result = 500
    if callable(result):
        wait_for(result, fn.__name__, run_steps)
    else:
        QTimer.singleShot(result or 300, run_steps)


def wait_for(condition, name, then, timeout_ms=120000, waited=0):
    try:
        done = condition()
    except Exception:  # noqa: BLE001
        done = False
    if done or waited >= timeout_ms:
        if not done:
            check('wait_' + name, False, 'timed out after %d ms' % waited)
        QTimer.singleShot(300, then)
    else:
        QTimer.singleShot(200, lambda: wait_for(condition, name, then, timeout_ms, waited + 200))


def modal(handler, delay=1500):
    """Runs handler(dialog) on the modal dialog the next action opens (arm it before)."""
    def run():
        dialog = QApplication.activeModalWidget()
        try:
            if dialog is None:
                check('modal_' + handler.__name__, False, 'no modal dialog open')
            else:
                handler(dialog)
        except Exception:  # noqa: BLE001
            check('modal_' + handler.__name__, False, traceback.format_exc())
            if dialog is not None:
                dialog.reject()
    QTimer.singleShot(delay, run)


def win():
    return iface.mainWindow()


def action(name):
    return win().findChild(QAction, name)


def button(box, which):
    return box.findChild(QDialogButtonBox).button(which)


def click(widget):
    QTest.mouseClick(widget, Qt.LeftButton)


# ---- widgets, used as a person uses them

def choose(combo, text):
    """Opens a combo box's list (Alt+Down) and clicks the entry with that text, as a person picks it."""
    index = combo.findText(text)
    if index < 0:
        return False
    combo.setFocus()
    QTest.keyClick(combo, Qt.Key_Down, Qt.AltModifier)
    QTest.qWait(300)
    view = combo.view()
    if view.isVisible():
        model_index = view.model().index(index, combo.modelColumn())
        view.scrollTo(model_index)
        QTest.qWait(100)
        QTest.mouseClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, view.visualRect(model_index).center())
        QTest.qWait(300)
    if view.isVisible():
        combo.hidePopup()
        return False
    return combo.currentIndex() == index


def type_number(spin, value):
    QTest.mouseClick(spin, Qt.LeftButton)
    QTest.keyClick(spin, Qt.Key_A, Qt.ControlModifier)
    QTest.keyClicks(spin, value)
    QTest.keyClick(spin, Qt.Key_Tab)
    QTest.qWait(100)


def tick_item(list_widget, text):
    """Selects a list entry with a click and ticks it with the space bar."""
    for i in range(list_widget.count()):
        item = list_widget.item(i)
        if item.text() == text:
            list_widget.scrollToItem(item)
            QTest.mouseClick(list_widget.viewport(), Qt.LeftButton, Qt.NoModifier, list_widget.visualItemRect(item).center())
            QTest.keyClick(list_widget.viewport(), Qt.Key_Space)
            QTest.qWait(100)
            return item.checkState() == Qt.Checked
    return False


def type_cell(table, row, column, text):
    """Clicks a table cell, opens its editor with F2 and types into it, as a person fills a form's table."""
    index = table.model().index(row, column)
    table.scrollTo(index)
    QTest.mouseClick(table.viewport(), Qt.LeftButton, Qt.NoModifier, table.visualRect(index).center())
    QTest.keyClick(table, Qt.Key_F2)
    QTest.qWait(300)
    editor = QApplication.focusWidget()
    if not isinstance(editor, QLineEdit):
        return False
    QTest.keyClicks(editor, text)
    QTest.keyClick(editor, Qt.Key_Return)
    QTest.qWait(150)
    return table.item(row, column).text() == text


def finish():
    ok = all(c['ok'] for c in checks.values())
    with open(os.path.join(OUT, 'result.json'), 'w') as f:
        json.dump({'ok': ok, 'checks': checks, 'gaps': gaps}, f, indent=1, ensure_ascii=False)
    # QGIS 3.40 and 3.44 themselves abort on exit (~QgsProject -> updateNewLayerInsertionPoint)
    # when a project with layers is still loaded, with or without Limes: clear it first, so
    # that any other abnormal exit still fails the test.
    QgsProject.instance().clear()
    QgsApplication.exit(0 if ok else 1)


def begin():
    """Runs the steps once QGIS has settled."""
    QTimer.singleShot(int(os.environ.get('LIMES_E2E_SETTLE_MS', '4000')), run_steps)
