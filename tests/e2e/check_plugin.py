# SPDX-License-Identifier: GPL-2.0-or-later
"""Runs inside the real QGIS desktop (qgis.bin --code): asserts what Limes added, takes a
screenshot, writes a result file and quits QGIS with the result as exit status."""
import json
import os
import subprocess
import traceback

from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QMenu, QToolBar
from qgis.utils import iface

OUT = os.environ['LIMES_E2E_OUT']
checks = {}


def check(name, ok, detail=''):
    checks[name] = {'ok': bool(ok), 'detail': str(detail)}


def inspect():
    win = iface.mainWindow()
    win.setGeometry(0, 0, 1600, 1000)   # Xvfb has no window manager to maximize it
    # which liblimesplugin.so QGIS really loaded (build tree, or the installed package)
    with open('/proc/self/maps') as maps:
        loaded = sorted({line.split()[-1] for line in maps if line.rstrip().endswith('/liblimesplugin.so')})
    expected = os.environ.get('LIMES_E2E_EXPECT_MODULE_DIR')
    check('module_loaded_from', [os.path.dirname(os.path.realpath(p)) for p in loaded] == [os.path.realpath(expected)],
          (loaded, expected))
    menus = [a.text().replace('&', '') for a in win.menuBar().actions()]
    check('limes_menu', 'Limes' in menus, menus)
    if 'Limes' in menus:
        check('limes_menu_before_help', menus.index('Limes') < len(menus) - 1 and menus[-1] == 'Help', menus)
    menu = win.findChild(QMenu, 'mLimesMenu')
    check('menu_actions', menu is not None and len(menu.actions()) >= 1,
          [a.objectName() for a in menu.actions()] if menu else None)
    bars = win.findChildren(QToolBar, 'mLimesToolBar')
    check('one_toolbar', len(bars) == 1 and bars[0].isVisible(), len(bars))
    if bars:
        check('toolbar_actions', 'mActionLimesAbout' in [a.objectName() for a in bars[0].actions()],
              [a.objectName() for a in bars[0].actions()])
    reg = QgsApplication.processingRegistry()
    provider = reg.providerById('limes')
    check('processing_provider', provider is not None and provider.name() == 'Limes',
          [p.id() for p in reg.providers()])
    project = os.environ.get('LIMES_E2E_PROJECT')
    if project:
        ok = QgsProject.instance().read(project)
        layers = {l.name(): l.isValid() for l in QgsProject.instance().mapLayers().values()}
        check('sample_project', ok and len(layers) >= 10 and all(layers.values()), layers)
        iface.mapCanvas().zoomToFullExtent()
    check_algorithm(provider)
    if menu is not None:
        menu.popup(win.menuBar().mapToGlobal(win.menuBar().actionGeometry(menu.menuAction()).bottomLeft()))


def check_algorithm(provider):
    """Runs limes:boundarychange through Processing, as the toolbox and models do."""
    if provider is None:
        return
    alg = QgsApplication.processingRegistry().algorithmById('limes:boundarychange')
    check('algorithm_registered', alg is not None and provider.algorithm('boundarychange') is not None)
    sample = os.environ.get('LIMES_E2E_PROJECT', '').replace('fergana.qgs', 'fergana.gpkg')
    if alg is None or not sample:
        return
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback
    src = sample + '|layername='
    summary = os.path.join(OUT, 'change-summary.json')
    params = {'OLD': src + 'boundary_dcw', 'NEW': src + 'boundary_wdbii', 'LEFT': 'KG', 'RIGHT': 'TJ',
              'RESOURCES': [src + 'synthetic_water_points', src + 'synthetic_canals'],
              'SEGMENTS': src + 'segments', 'MAX_END_GAP': 5000, 'MIN_AREA': 1000,
              'TRANSFERS': 'memory:', 'RESOURCE_CHANGES': 'memory:', 'SUMMARY': summary}
    context, feedback = QgsProcessingContext(), QgsProcessingFeedback()
    result = processing.run('limes:boundarychange', params, context=context, feedback=feedback)
    transfers = result['TRANSFERS']   # processing.run hands back the memory layer itself
    if isinstance(transfers, str):
        transfers = context.getMapLayer(transfers)
    check('algorithm_transfers', transfers is not None and transfers.featureCount() == result['TRANSFER_COUNT'] > 20,
          result)
    with open(summary) as f:
        s = json.load(f)
    directions = {(t['from'], t['to']) for t in s['transfers']}
    check('algorithm_summary', directions == {('KG', 'TJ'), ('TJ', 'KG')} and s['working_crs'] == 'EPSG:32642'
          and any(w['layer'] == 'synthetic_canals' for w in s['water']), s['transfers'])
    # limes:validate on the sample's DCW line, segments and pillars: no errors, only warnings
    validated = processing.run('limes:validate', {'LINE': src + 'boundary_dcw', 'SEGMENTS': src + 'segments',
                                                   'PILLARS': src + 'pillars', 'TOLERANCE': 0.5, 'OUTPUT': 'memory:'},
                               context=QgsProcessingContext(), feedback=QgsProcessingFeedback())
    check('validate_algorithm', validated['ERROR_COUNT'] == 0 and validated['FINDING_COUNT'] > 0, validated)
    # a bad input is a Processing error with our message, not a crash
    try:
        processing.run('limes:boundarychange', dict(params, LEFT='', SUMMARY=os.path.join(OUT, 'bad.json')),
                       context=QgsProcessingContext(), feedback=QgsProcessingFeedback())
        check('algorithm_bad_input', False, 'no error raised')
    except Exception as e:  # noqa: BLE001 - QgsProcessingException arrives as a generic exception
        check('algorithm_bad_input', 'left and the right party' in str(e) and not os.path.exists(os.path.join(OUT, 'bad.json')), e)
    # limes:changereport in the real desktop (main thread: layouts): the summary's hectares in the PDF
    pdf = os.path.join(OUT, 'change-report.pdf')
    report_params = {k: v for k, v in params.items() if k not in ('TRANSFERS', 'RESOURCE_CHANGES', 'SUMMARY')}
    reported = processing.run('limes:changereport', dict(report_params, LANGUAGE=1, OUTPUT=pdf),
                              context=QgsProcessingContext(), feedback=QgsProcessingFeedback())
    import subprocess
    text = subprocess.run(['pdftotext', '-layout', pdf, '-'], capture_output=True, text=True).stdout
    hectares = ['%.4f' % (t['area_m2'] / 1e4) for t in s['transfers']]
    check('report_algorithm', reported['PAGES'] > 30 and 'Отчёт об изменении линии границы' in text
          and all(h.replace('.', ',') in text for h in hectares), (reported, hectares))
    try:
        processing.run('limes:changereport', dict(report_params, OUTPUT=os.path.join(OUT, 'bad-report.pdf'), SEGMENT_CODES='S-010'),
                       context=QgsProcessingContext(), feedback=QgsProcessingFeedback())
        check('report_algorithm_bad_input', False, 'no error raised')
    except Exception as e:  # noqa: BLE001
        check('report_algorithm_bad_input', 'has no change' in str(e) and not os.path.exists(os.path.join(OUT, 'bad-report.pdf')), e)


def screenshot():
    try:
        subprocess.run(['import', '-window', 'root', os.path.join(OUT, 'qgis-e2e.png')], check=True, timeout=60)
        check('screenshot', os.path.getsize(os.path.join(OUT, 'qgis-e2e.png')) > 10000)
    except Exception as e:  # noqa: BLE001 - the screenshot is reported as a failed check
        check('screenshot', False, e)
    # the change dialog runs modally: arm its handler before opening it
    from qgis.PyQt.QtWidgets import QAction
    action = iface.mainWindow().findChild(QAction, 'mActionLimesChange')
    check('change_action', action is not None and action.isEnabled())
    if action is not None:
        QTimer.singleShot(3000, close_change_dialog)
        action.trigger()
    else:
        open_plugin_manager()


def close_change_dialog():
    from qgis.PyQt.QtWidgets import QApplication
    dialogs = [w for w in QApplication.topLevelWidgets() if w.inherits('QgsProcessingAlgorithmDialogBase') and w.isVisible()]
    check('change_action_opens_dialog', len(dialogs) == 1 and 'Boundary change' in dialogs[0].windowTitle(),
          [d.windowTitle() for d in dialogs])
    for d in dialogs:
        d.reject()
    QTimer.singleShot(500, open_plugin_manager)


def open_plugin_manager():
    # the Plugin Manager runs modally: arm its handler before opening it
    QTimer.singleShot(4000, reload_through_plugin_manager)
    iface.actionManagePlugins().trigger()


def reload_through_plugin_manager():
    """Unticks and ticks Limes in the real Plugin Manager: QGIS unloads and reloads the module."""
    try:
        from qgis.PyQt.QtCore import Qt
        from qgis.PyQt.QtGui import QStandardItemModel
        from qgis.PyQt.QtWidgets import QApplication, QListView
        dialogs = [w for w in QApplication.topLevelWidgets() if w.inherits('QgsPluginManager')]
        check('plugin_manager_open', len(dialogs) == 1, len(dialogs))
        item = None
        for view in dialogs[0].findChildren(QListView) if dialogs else []:
            model = view.model()
            source = model.sourceModel() if hasattr(model, 'sourceModel') else None
            if isinstance(source, QStandardItemModel):
                for r in range(source.rowCount()):
                    if source.item(r) and source.item(r).data(Qt.UserRole + 1) == 'cpp:liblimesplugin':
                        item = source.item(r)
        check('plugin_manager_lists_limes', item is not None and item.checkState() == Qt.Checked)
        if item is not None:
            win = iface.mainWindow()
            reg = QgsApplication.processingRegistry()
            for cycle in (1, 2):
                item.setCheckState(Qt.Unchecked)
                gone = (win.findChild(QMenu, 'mLimesMenu') is None and not win.findChildren(QToolBar, 'mLimesToolBar')
                        and reg.providerById('limes') is None and reg.algorithmById('limes:boundarychange') is None)
                check('unload_%d_leaves_nothing' % cycle, gone)
                item.setCheckState(Qt.Checked)
                back = (len(win.findChildren(QMenu, 'mLimesMenu')) == 1 and len(win.findChildren(QToolBar, 'mLimesToolBar')) == 1
                        and reg.algorithmById('limes:boundarychange') is not None)
                check('reload_%d_restores_once' % cycle, back,
                      (len(win.findChildren(QMenu, 'mLimesMenu')), len(win.findChildren(QToolBar, 'mLimesToolBar'))))
        for d in dialogs:
            d.reject()
    except Exception:  # noqa: BLE001 - any error becomes a failed check, never a hang
        check('plugin_manager', False, traceback.format_exc())
    QTimer.singleShot(500, finish)


def finish():
    ok = all(c['ok'] for c in checks.values())
    with open(os.path.join(OUT, 'result.json'), 'w') as f:
        json.dump({'ok': ok, 'checks': checks}, f, indent=1)
    # QGIS 3.40 and 3.44 themselves abort on exit (~QgsProject -> updateNewLayerInsertionPoint)
    # when a project with layers is still loaded, with or without Limes: clear it first, so
    # that any other abnormal exit still fails the test.
    QgsProject.instance().clear()
    QgsApplication.exit(0 if ok else 1)


try:
    inspect()
except Exception:  # noqa: BLE001 - any error becomes a failed check, never a hang
    check('script', False, traceback.format_exc())
QTimer.singleShot(int(os.environ.get('LIMES_E2E_SETTLE_MS', '4000')), screenshot)
