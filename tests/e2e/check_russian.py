# SPDX-License-Identifier: GPL-2.0-or-later
"""Runs inside the real QGIS desktop (qgis.bin --code) set to Russian (ctest e2e_russian gives
QGIS locale/userLocale=ru and locale/overrideFlag=true): the Limes menu, the Segments dock on
the sample workspace (prepare_workspace.sh), the Record Decision form and the Versions dock
must be in Russian.
Takes a screenshot of each, writes result.json and quits QGIS with the result as exit status."""
import os
import sys

from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import (QDialogButtonBox, QDockWidget, QLabel, QLineEdit, QMenu, QTableView, QTextBrowser,
                                 QTreeWidget)
from qgis.utils import iface

sys.path.insert(0, os.environ['LIMES_E2E_DIR'])
from limes_e2e import OUT, action, begin, button, check, click, modal, shot, step, win  # noqa: E402

WS = os.path.join(OUT, 'data', 'fergana-workspace.gpkg')


def segments_dock():
    return win().findChild(QDockWidget, 'LimesSegmentsDock')


@step
def menu_in_russian():
    win().setGeometry(0, 0, 1600, 1000)   # Xvfb has no window manager to maximize it
    check('qgis_locale_ru', QgsApplication.locale() == 'ru', QgsApplication.locale())
    check('sample_project', QgsProject.instance().read(os.environ['LIMES_E2E_PROJECT']))
    iface.mapCanvas().zoomToFullExtent()
    texts = {name: action(name).text() if action(name) else None
             for name in ('mActionLimesOpen', 'mActionLimesNew', 'mActionLimesRecord', 'mActionLimesCompare',
                          'mActionLimesValidate', 'mActionLimesAbout')}
    check('menu_actions_russian', texts == {'mActionLimesOpen': 'Открыть рабочую область…',
                                            'mActionLimesNew': 'Новая рабочая область…',
                                            'mActionLimesRecord': 'Внести решение…',
                                            'mActionLimesCompare': 'Сравнить версии…',
                                            'mActionLimesValidate': 'Проверить…',
                                            'mActionLimesAbout': 'О программе Limes…'}, texts)
    return 2000


@step
def open_workspace():
    def fill(dialog):
        check('open_dialog_russian', dialog.windowTitle() == 'Открыть рабочую область комиссии', dialog.windowTitle())
        edit = dialog.findChild(QLineEdit)   # the file widget's line edit
        click(edit)
        QTest.keyClicks(edit, WS)
        shot('01-ru-open-workspace')
        click(button(dialog, QDialogButtonBox.Open))
    modal(fill)
    QTimer.singleShot(0, action('mActionLimesOpen').trigger)
    return 6000


@step
def dock_in_russian():
    group = QgsProject.instance().layerTreeRoot().findGroup('Limes — fergana-workspace')
    names = sorted(n.name() for n in group.children()) if group else None
    check('layer_group_russian', names is not None and {'Участки', 'Пограничные столбы', 'Версии'} <= set(names), names)
    dock = segments_dock()
    check('segments_dock_russian', dock is not None and dock.isVisible()
          and dock.windowTitle() == 'Limes: участки — fergana-workspace', dock and dock.windowTitle())
    view = dock.findChild(QTableView, 'mSegmentsTable') if dock else None
    if view is not None:
        model = view.model()
        headers = [model.headerData(c, Qt.Horizontal) for c in range(model.columnCount())]
        check('table_headers_russian', headers[:3] == ['Участок', 'Статус', 'Последнее решение'], headers)
        statuses = {model.index(r, 1).data() for r in range(model.rowCount())}
        check('statuses_russian', statuses and statuses <= {'согласовано', 'оспаривается', 'отложено', 'передано рабочей группе',
                                                            'решения ещё нет'} | {s for s in statuses if s.startswith('согласовано, ожидает подписи ')},
              statuses)
        for r in range(model.rowCount()):
            if model.index(r, 0).data() == 'S-003':   # the segment with both claims
                view.scrollTo(model.index(r, 0))
                QTest.mouseClick(view.viewport(), Qt.LeftButton, Qt.NoModifier, view.visualRect(model.index(r, 0)).center())
    detail = dock.findChild(QTextBrowser) if dock else None
    text = detail.toPlainText() if detail else ''
    check('detail_russian', 'Журнал решений' in text and 'Претензионные линии' in text and 'Пограничные столбы' in text, text[:400])
    menu = win().findChild(QMenu, 'mLimesMenu')
    if menu is not None:
        bar = win().menuBar()
        menu.popup(bar.mapToGlobal(bar.actionGeometry(menu.menuAction()).bottomLeft()))
    return 2500


@step
def shot_menu_and_dock():
    shot('02-ru-menu-and-segments-dock')
    menu = win().findChild(QMenu, 'mLimesMenu')
    if menu is not None:
        menu.hide()
    return 500


@step
def record_form():
    def look(dialog):
        labels = {n: dialog.findChild(QLabel, n).text() for n in ('mProtocolLabel', 'mDateLabel', 'mDecisionLabel')}
        check('record_form_russian', dialog.windowTitle() == 'Внесение решения'
              and labels == {'mProtocolLabel': 'Номер протокола', 'mDateLabel': 'Дата заседания', 'mDecisionLabel': 'Решение'},
              (dialog.windowTitle(), labels))
        problems = dialog.findChild(QLabel, 'mProblems').text()
        check('record_problems_russian', 'Укажите номер протокола.' in problems, problems)
        shot('03-ru-record-decision')
        dialog.reject()
    modal(look)
    QTimer.singleShot(0, action('mActionLimesRecord').trigger)
    return 4000


@step
def versions_dock():
    dock = win().findChild(QDockWidget, 'LimesVersionsDock')
    if dock is not None and not dock.isVisible():
        action('mActionLimesVersions').trigger()
    tree = dock.findChild(QTreeWidget, 'mVersionsList') if dock else None
    headers = [tree.headerItem().text(c) for c in range(tree.columnCount())] if tree else None
    check('versions_dock_russian', dock is not None and dock.windowTitle() == 'Limes: версии — fergana-workspace'
          and headers[:3] == ['Название', 'Вид', 'Дата'], (dock and dock.windowTitle(), headers))
    kinds = {tree.topLevelItem(i).text(1) for i in range(tree.topLevelItemCount())} if tree else set()
    check('version_kinds_russian', kinds and kinds <= {'историческая', 'претензионная линия стороны', 'проект', 'согласованная',
                                                       'ратифицированная'}, kinds)
    if dock is not None:
        dock.raise_()
    return 1500


@step
def shot_versions():
    shot('04-ru-versions-dock')
    return 300


begin()
