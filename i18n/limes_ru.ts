<?xml version="1.0" encoding="utf-8"?>
<!-- SPDX-License-Identifier: GPL-2.0-or-later -->
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>LimesAboutDialog</name>
    <message>
        <location filename="../ui/aboutdialog.ui" line="+10"/>
        <source>About Limes</source>
        <translation>О программе Limes</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;h3&gt;Limes&lt;/h3&gt;&lt;p&gt;Boundary commission tools: disputed segments, the agreement ledger, land and water that change sides between two versions of a line, validation of delimitation and demarcation geometry, and segment change reports.&lt;/p&gt;&lt;p&gt;Both delegations get the same numbers only from the same data and the same library versions:&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Limes&lt;/h3&gt;&lt;p&gt;Инструменты пограничной комиссии: спорные участки границы, журнал решений, земли и воды, переходящие от одной стороны к другой между двумя версиями линии, проверка геометрии делимитации и демаркации, отчёты об изменениях по участкам.&lt;/p&gt;&lt;p&gt;Обе делегации получают одинаковые цифры только на одинаковых данных и одинаковых версиях библиотек:&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>LimesCompareDialog</name>
    <message>
        <location filename="../ui/comparedialog.ui" line="+10"/>
        <source>Compare Versions</source>
        <translation>Сравнение версий</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Versions</source>
        <translation>Версии</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Old</source>
        <translation>Прежняя</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>New</source>
        <translation>Новая</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Parties</source>
        <translation>Стороны</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Left of the line</source>
        <translation>Слева от линии</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Right of the line</source>
        <translation>Справа от линии</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Party field (territories)</source>
        <translation>Поле стороны (территории)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Water and other resources</source>
        <translation>Водные и другие ресурсы</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Segments</source>
        <translation>Участки</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Layer</source>
        <translation>Слой</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Code field</source>
        <translation>Поле кода</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Thresholds</source>
        <translation>Пороги</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Digitizing noise below (m²)</source>
        <translation>Шум оцифровки менее (м²)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Largest gap between the versions&apos; ends (m)</source>
        <translation>Наибольший разрыв между концами версий (м)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Snapping grid (m)</source>
        <translation>Сетка привязки (м)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Edges between vertices</source>
        <translation>Рёбра между вершинами</translation>
    </message>
</context>
<context>
    <name>LimesImportVersionDialog</name>
    <message>
        <location filename="../ui/importversiondialog.ui" line="+10"/>
        <source>Import Version</source>
        <translation>Импорт версии</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Lines to import</source>
        <translation>Импортируемые линии</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Layer</source>
        <translation>Слой</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Selected features only</source>
        <translation>Только выбранные объекты</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Version</source>
        <translation>Версия</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Party on the left</source>
        <translation>Сторона слева</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Party on the right</source>
        <translation>Сторона справа</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Edges</source>
        <translation>Рёбра</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>What the treaty makes of an edge between two vertices; recorded with the version, and comparisons follow it</source>
        <translation>Чем по договору является ребро между двумя вершинами; записывается вместе с версией, и сравнения следуют этому</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Notes</source>
        <translation>Примечания</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Imported by</source>
        <translation>Кем импортировано</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Signed with</source>
        <translation>Подпись</translation>
    </message>
</context>
<context>
    <name>LimesNewWorkspaceDialog</name>
    <message>
        <location filename="../ui/newworkspacedialog.ui" line="+10"/>
        <source>New Commission Workspace</source>
        <translation>Новая рабочая область комиссии</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Where</source>
        <translation>Размещение</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New GeoPackage file</source>
        <translation>Новый файл GeoPackage</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>PostgreSQL connection</source>
        <translation>Подключение PostgreSQL</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Parties</source>
        <translation>Стороны</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Colour</source>
        <translation>Цвет</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Add Party</source>
        <translation>Добавить сторону</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Remove Party</source>
        <translation>Удалить сторону</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Segments</source>
        <translation>Участки</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>From layer</source>
        <translation>Из слоя</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Code field</source>
        <translation>Поле кода</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The order comes from a field &quot;seq&quot; where the layer has one, chainage and end points from &quot;chainage_from_m&quot;, &quot;chainage_to_m&quot;, &quot;from_point&quot; and &quot;to_point&quot;.</source>
        <translation>Порядок берётся из поля &quot;seq&quot;, если оно есть в слое, пикетаж и концевые точки — из полей &quot;chainage_from_m&quot;, &quot;chainage_to_m&quot;, &quot;from_point&quot; и &quot;to_point&quot;.</translation>
    </message>
</context>
<context>
    <name>LimesOpenWorkspaceDialog</name>
    <message>
        <location filename="../ui/openworkspacedialog.ui" line="+10"/>
        <source>Open Commission Workspace</source>
        <translation>Открыть рабочую область комиссии</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>GeoPackage file</source>
        <translation>Файл GeoPackage</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>PostgreSQL connection saved in QGIS</source>
        <translation>Подключение PostgreSQL, сохранённое в QGIS</translation>
    </message>
</context>
<context>
    <name>LimesRecordDecisionDialog</name>
    <message>
        <location filename="../ui/recorddecisiondialog.ui" line="+10"/>
        <source>Record Decision</source>
        <translation>Внесение решения</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Protocol</source>
        <translation>Протокол</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Segment</source>
        <translation>Участок</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Protocol number</source>
        <translation>Номер протокола</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Meeting date</source>
        <translation>Дата заседания</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Decision</source>
        <translation>Решение</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Version agreed</source>
        <translation>Согласованная версия</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Corrects entry</source>
        <translation>Исправляет запись</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Positions and signatories</source>
        <translation>Позиции и подписанты</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Party</source>
        <translation>Сторона</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Position</source>
        <translation>Позиция</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Signatories (separated by ;)</source>
        <translation>Подписанты (через ;)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Attachments</source>
        <translation>Вложения</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Add…</source>
        <translation>Добавить…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Recorded by</source>
        <translation>Кем внесено</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Signed with</source>
        <translation>Подпись</translation>
    </message>
</context>
<context>
    <name>LimesSigningKeyDialog</name>
    <message>
        <location filename="../ui/signingkeydialog.ui" line="+10"/>
        <source>Signing Key</source>
        <translation>Ключ подписи</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Key file</source>
        <translation>Файл ключа</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Passphrase</source>
        <translation>Парольная фраза</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <location filename="../plugin/processing/boundarychangealgorithm.cpp" line="+27"/>
        <source>Boundary change (land and water that change sides)</source>
        <translation>Изменение границы (земли и воды, переходящие к другой стороне)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>boundary,border,claim,transfer,territory,water,river,canal,spring,intake,commission,treaty</source>
        <translation>граница,линия границы,претензия,передача,территория,вода,река,канал,родник,водозабор,комиссия,договор</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Boundary change</source>
        <translation>Изменение границы</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Compares two versions of a boundary and reports the land that changes sides, with ellipsoidal areas, and what of each resource layer (rivers, canals, reservoirs, springs, intakes...) lies in it.

Versions are either line layers, with the party on the left and on the right of the digitized direction, or territory layers, with an attribute holding the party code. Line versions are noded with snap-rounding on the given grid; stretches where they coincide are never overlaid; ends that differ are closed with straight connectors (refused beyond the maximum end gap). Pieces below the minimum area are digitizing noise.</source>
        <translation>Сравнивает две версии границы и сообщает, какие земли переходят к другой стороне (с площадями на эллипсоиде) и какая часть каждого слоя ресурсов (реки, каналы, водохранилища, родники, водозаборы...) в них лежит.

Версии — это либо линейные слои со сторонами слева и справа по направлению оцифровки, либо слои территорий с атрибутом, содержащим код стороны. Линейные версии разбиваются на узлы с привязкой-округлением к заданной сетке; отрезки, где версии совпадают, не накладываются; несовпадающие концы замыкаются прямыми соединителями (сверх максимального разрыва концов — отказ). Части меньше минимальной площади считаются шумом оцифровки.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Old version (lines or territories)</source>
        <translation>Прежняя версия (линии или территории)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New version (lines or territories)</source>
        <translation>Новая версия (линии или территории)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lines: party on the left</source>
        <translation>Линии: сторона слева</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lines: party on the right</source>
        <translation>Линии: сторона справа</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Territories: party code field</source>
        <translation>Территории: поле кода стороны</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Water and other resource layers</source>
        <translation>Слои водных и других ресурсов</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../plugin/processing/validatealgorithm.cpp" line="+55"/>
        <source>Segments</source>
        <translation>Участки</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../plugin/processing/validatealgorithm.cpp" line="+1"/>
        <source>Segment code field</source>
        <translation>Поле кода участка</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Snap-rounding grid (m)</source>
        <translation>Сетка привязки-округления (м)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Minimum area of a transfer (m²)</source>
        <translation>Минимальная площадь передачи (м²)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maximum gap between corresponding ends (m)</source>
        <translation>Наибольший разрыв между соответствующими концами (м)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edges between vertices: geodesic, rhumb, projected or projected:EPSG:CODE</source>
        <translation>Рёбра между вершинами: geodesic (геодезические), rhumb (локсодромии), projected или projected:EPSG:КОД (прямые в проекции)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transfers</source>
        <translation>Передачи территории</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resource changes</source>
        <translation>Изменения по ресурсам</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Digitizing noise</source>
        <translation>Шум оцифровки</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../plugin/processing/validatealgorithm.cpp" line="+11"/>
        <source>Summary (JSON)</source>
        <translation>Сводка (JSON)</translation>
    </message>
    <message>
        <location line="+0"/>
        <location filename="../plugin/processing/validatealgorithm.cpp" line="+0"/>
        <source>JSON files (*.json)</source>
        <translation>Файлы JSON (*.json)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number of transfers</source>
        <translation>Число передач территории</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Working CRS</source>
        <translation>Рабочая СК</translation>
    </message>
    <message>
        <location filename="../plugin/processing/guard.cpp" line="+35"/>
        <source>cannot transform coordinates: %1</source>
        <translation>не удаётся преобразовать координаты: %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>internal error: %1</source>
        <translation>внутренняя ошибка: %1</translation>
    </message>
    <message>
        <location filename="../plugin/processing/validatealgorithm.cpp" line="-44"/>
        <source>Validate boundary geometry</source>
        <translation>Проверка геометрии границы</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>boundary,delimitation,demarcation,pillar,segment,territory,tripoint,validation,check,errors</source>
        <translation>граница,делимитация,демаркация,пограничный столб,участок,территория,тройная точка,проверка,контроль,ошибки</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Validation</source>
        <translation>Проверка</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Checks a boundary line, and where given its segments, pillars, territories and tripoints, against rules with stable ids. Distances are measured on the ellipsoid and compared with the tolerance in metres. Every finding says where, which rule, what was measured and the tolerance. Rules whose inputs are not given are listed as not run. The rules, by family:</source>
        <translation>Проверяет линию границы, а если заданы, то и её участки, пограничные столбы, территории и тройные точки, по правилам с постоянными идентификаторами. Расстояния измеряются на эллипсоиде и сравниваются с допуском в метрах. Каждое замечание указывает место, правило, измеренное значение и допуск. Правила, для которых не заданы входные данные, перечисляются как невыполненные. Правила по группам:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Boundary line</source>
        <translation>Линия границы</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pillars</source>
        <translation>Пограничные столбы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pillar number field</source>
        <translation>Поле номера столба</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Territories</source>
        <translation>Территории</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Party code field</source>
        <translation>Поле кода стороны</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tripoints</source>
        <translation>Тройные точки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tolerance (m)</source>
        <translation>Допуск (м)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rules (comma-separated ids; empty: all)</source>
        <translation>Правила (идентификаторы через запятую; пусто — все)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commission workspace (its accepted findings apply)</source>
        <translation>Рабочая область комиссии (учитываются принятые в ней замечания)</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+3"/>
        <source>Findings</source>
        <translation>Замечания</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Errors not accepted</source>
        <translation>Непринятые ошибки</translation>
    </message>
    <message>
        <source>Change report (PDF protocol annex)</source>
        <translation>Отчёт об изменениях (приложение к протоколу, PDF)</translation>
    </message>
    <message>
        <source>report,protocol,annex,pdf,atlas,layout,boundary,transfer,commission</source>
        <translation>отчёт,протокол,приложение,pdf,атлас,макет,граница,передача территории,комиссия</translation>
    </message>
    <message>
        <source>Compares two versions of a boundary as Boundary change does, and writes the result as the commission&apos;s report: a PDF built with QGIS layouts (cover, summary, a page per changed segment with its map, tables, ledger and pillars, provenance annex) in English or Russian, with its tables as CSV files and its geometry as a GeoPackage beside it. Layout templates (.qpt) may replace the cover&apos;s, the summary&apos;s, the segment pages&apos; and the annex&apos;s layouts. Pillars come from a point layer (number and segment fields); without one, the pages say none were given. The figures are those of Boundary change on the same inputs.</source>
        <translation>Сравнивает две версии границы так же, как «Изменение границы», и записывает результат как отчёт комиссии: PDF, построенный макетами QGIS (титульный лист, сводка, страница на каждый изменённый участок с картой, таблицами, журналом решений и столбами, приложение о происхождении данных), на английском или русском языке, с таблицами в файлах CSV и геометрией в GeoPackage рядом с ним. Макеты титульного листа, сводки, страниц участков и приложения можно заменить шаблонами (.qpt). Столбы берутся из точечного слоя (поля номера и участка); без него на страницах сказано, что столбы не заданы. Цифры те же, что у «Изменения границы» на тех же данных.</translation>
    </message>
    <message>
        <source>Language of the report</source>
        <translation>Язык отчёта</translation>
    </message>
    <message>
        <source>English</source>
        <translation>английский</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>русский</translation>
    </message>
    <message>
        <source>Layout template of the segment pages (.qpt)</source>
        <translation>Шаблон макета страниц участков (.qpt)</translation>
    </message>
    <message>
        <source>Segments to report (codes, comma-separated; empty: every changed segment)</source>
        <translation>Участки для отчёта (коды через запятую; пусто: все изменённые участки)</translation>
    </message>
    <message>
        <source>Commission (as the cover names it)</source>
        <translation>Комиссия (как на титульном листе)</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Отчёт</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Report geometry (GeoPackage)</source>
        <translation>Геометрия отчёта (GeoPackage)</translation>
    </message>
    <message>
        <source>Number of pages</source>
        <translation>Число страниц</translation>
    </message>
    <message>
        <source>Wrote %1 (%2 pages, %3 segments)</source>
        <translation>Записан %1 (страниц: %2, участков: %3)</translation>
    </message>
    <message>
        <source>Pillars (points with a number, and a segment field)</source>
        <translation>Пограничные столбы (точки с полями номера и участка)</translation>
    </message>
    <message>
        <source>Layout template of the cover (.qpt)</source>
        <translation>Шаблон макета титульного листа (.qpt)</translation>
    </message>
    <message>
        <source>Layout template of the summary (.qpt)</source>
        <translation>Шаблон макета сводки (.qpt)</translation>
    </message>
    <message>
        <source>Layout template of the annex (.qpt)</source>
        <translation>Шаблон макета приложения (.qpt)</translation>
    </message>
</context>
<context>
    <name>limes::AboutDialog</name>
    <message>
        <location filename="../plugin/gui/forms/aboutdialog.cpp" line="+18"/>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
</context>
<context>
    <name>limes::ChangeController</name>
    <message>
        <location filename="../plugin/gui/workspace/changecontroller.cpp" line="+57"/>
        <location line="+16"/>
        <location line="+65"/>
        <source>Limes</source>
        <translation>Limes</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>A comparison is running: wait for it or cancel it first.</source>
        <translation>Идёт сравнение: дождитесь его окончания или сначала отмените его.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Comparison of %1 → %2 cancelled.</source>
        <translation>Сравнение %1 → %2 отменено.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Limes: the comparison failed</source>
        <translation>Limes: сравнение не удалось</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Keeping a comparison in the workspace</source>
        <translation>Сохранение сравнения в рабочей области</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Kept as change %1</source>
        <translation>Сохранено как изменение %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The comparison %1 → %2 is kept in the workspace.</source>
        <translation>Сравнение %1 → %2 сохранено в рабочей области.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Limes: cannot keep the comparison</source>
        <translation>Limes: не удаётся сохранить сравнение</translation>
    </message>
</context>
<context>
    <name>limes::ChangeLayers</name>
    <message>
        <location filename="../plugin/gui/workspace/changelayers.cpp" line="+32"/>
        <source>Change: %1 → %2</source>
        <translation>Изменение: %1 → %2</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Resources that change sides (%1)</source>
        <translation>Ресурсы, переходящие к другой стороне (%1)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Land that changes sides</source>
        <translation>Земли, переходящие к другой стороне</translation>
    </message>
</context>
<context>
    <name>limes::ChangeSummaryDock</name>
    <message>
        <location filename="../plugin/gui/workspace/changesummarydock.cpp" line="+51"/>
        <source>%1 m²</source>
        <translation>%1 м²</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Limes Change Summary</source>
        <translation>Limes: сводка изменений</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Cancel</source>
        <translation>Отменить</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>What</source>
        <translation>Что</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>From</source>
        <translation>От</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>To</source>
        <translation>К</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Parts / features</source>
        <translation>Части / объекты</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Area</source>
        <translation>Площадь</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Length (m)</source>
        <translation>Длина (м)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save as CSV…</source>
        <translation>Сохранить как CSV…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+30"/>
        <location line="+32"/>
        <source>Keep in Workspace</source>
        <translation>Сохранить в рабочей области</translation>
    </message>
    <message>
        <location line="-60"/>
        <location line="+61"/>
        <source>Store this summary in the workspace against the two versions, as `limes change --store` does</source>
        <translation>Сохранить эту сводку в рабочей области при двух версиях, как это делает `limes change --store`</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>Comparing %1 → %2…</source>
        <translation>Сравнение %1 → %2…</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>&lt;b&gt;%1 → %2&lt;/b&gt;&lt;br&gt;%3; working CRS %4; areas on %5</source>
        <translation>&lt;b&gt;%1 → %2&lt;/b&gt;&lt;br&gt;%3; рабочая СК %4; площади на %5</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Only a comparison of two workspace versions can be kept in the workspace</source>
        <translation>В рабочей области можно сохранить только сравнение двух версий из этой рабочей области</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Land that changes sides</source>
        <translation>Земли, переходящие к другой стороне</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>land</source>
        <translation>земли</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Net change per party</source>
        <translation>Итоговое изменение по сторонам</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>net</source>
        <translation>итого</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>By segment</source>
        <translation>По участкам</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Water and other resources</source>
        <translation>Водные и другие ресурсы</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Notes</source>
        <translation>Примечания</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Save Change Summary</source>
        <translation>Сохранение сводки изменений</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot write %1: %2</source>
        <translation>Не удаётся записать %1: %2</translation>
    </message>
</context>
<context>
    <name>limes::ChangeTask</name>
    <message>
        <location filename="../plugin/gui/tasks/changetask.cpp" line="+21"/>
        <source>Limes: compare %1 → %2</source>
        <translation>Limes: сравнение %1 → %2</translation>
    </message>
</context>
<context>
    <name>limes::CompareDialog</name>
    <message>
        <location filename="../plugin/gui/forms/comparedialog.cpp" line="+35"/>
        <source>Compare</source>
        <translation>Сравнить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Geodesics (most treaties)</source>
        <translation>Геодезические линии (большинство договоров)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rhumb lines</source>
        <translation>Локсодромии</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Straight in the working CRS</source>
        <translation>Прямые в рабочей СК</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Straight on %1</source>
        <translation>Прямые в проекции %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>As version %1 records them</source>
        <translation>Как записано в версии %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>%1 (%2, workspace)</source>
        <translation>%1 (%2, рабочая область)</translation>
    </message>
    <message>
        <location line="+111"/>
        <source>Choose the old and the new version.</source>
        <translation>Выберите прежнюю и новую версии.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The old and the new version are the same.</source>
        <translation>Прежняя и новая версии совпадают.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Compare lines with lines and territories with territories.</source>
        <translation>Сравнивайте линии с линиями, а территории с территориями.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose the field holding each territory&apos;s party.</source>
        <translation>Выберите поле, в котором указана сторона каждой территории.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Versions %1 and %2 name different left and right parties.</source>
        <translation>В версиях %1 и %2 указаны разные стороны слева и справа.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Versions %1 (edges %2) and %3 (edges %4) record different edges: choose which under Edges.</source>
        <translation>В версиях %1 (рёбра: %2) и %3 (рёбра: %4) записаны разные рёбра: выберите нужные в поле «Рёбра между вершинами».</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Name the parties left and right of the line&apos;s digitized direction.</source>
        <translation>Укажите стороны слева и справа от линии по направлению её оцифровки.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The left and the right party are the same.</source>
        <translation>Сторона слева и сторона справа совпадают.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the field of the segments that holds their codes.</source>
        <translation>Выберите поле участков, в котором хранятся их коды.</translation>
    </message>
    <message>
        <source>Report…</source>
        <translation>Отчёт…</translation>
    </message>
    <message>
        <source>Write the comparison as a PDF report with a page per changed segment, its tables as CSV and a GeoPackage</source>
        <translation>Записать сравнение как отчёт PDF со страницей на каждый изменённый участок, таблицами в CSV и GeoPackage</translation>
    </message>
    <message>
        <source>Write the Change Report</source>
        <translation>Запись отчёта об изменениях</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
    <message>
        <source>English</source>
        <translation>английский</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>русский</translation>
    </message>
    <message>
        <source>Change Report</source>
        <translation>Отчёт об изменениях</translation>
    </message>
    <message>
        <source>Language of the report:</source>
        <translation>Язык отчёта:</translation>
    </message>
    <message>
        <source>Wrote %1 (%2 pages), its tables as CSV and %3 beside it.</source>
        <translation>Записан %1 (страниц: %2), рядом с ним таблицы в CSV и %3.</translation>
    </message>
    <message>
        <source>No report written: %1</source>
        <translation>Отчёт не записан: %1</translation>
    </message>
</context>
<context>
    <name>limes::ImportVersionDialog</name>
    <message>
        <location filename="../plugin/gui/forms/importversiondialog.cpp" line="+38"/>
        <source>Not recorded (each comparison chooses)</source>
        <translation>Не записывать (выбирается при каждом сравнении)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Geodesics</source>
        <translation>Геодезические линии</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rhumb lines</source>
        <translation>Локсодромии</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Straight in the working UTM zone</source>
        <translation>Прямые в рабочей зоне UTM</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Import</source>
        <translation>Импортировать</translation>
    </message>
    <message numerus="yes">
        <location line="+89"/>
        <source>%n of %1 features selected</source>
        <translation>
            <numerusform>выбран %n объект из %1</numerusform>
            <numerusform>выбрано %n объекта из %1</numerusform>
            <numerusform>выбрано %n объектов из %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n features, none selected</source>
        <translation>
            <numerusform>%n объект, ни один не выбран</numerusform>
            <numerusform>%n объекта, ни один не выбран</numerusform>
            <numerusform>%n объектов, ни один не выбран</numerusform>
        </translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Choose the line layer to import.</source>
        <translation>Выберите импортируемый линейный слой.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No feature of %1 is selected: select the lines to import on the map, or untick “Selected features only”.</source>
        <translation>В слое %1 не выбрано ни одного объекта: выберите импортируемые линии на карте или снимите флажок «Только выбранные объекты».</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The layer %1 has no features.</source>
        <translation>В слое %1 нет объектов.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give the version a name.</source>
        <translation>Дайте версии название.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The workspace has a version named “%1” already (%2, imported by %3): versions are never overwritten; choose another name.</source>
        <translation>В рабочей области уже есть версия «%1» (%2, импортировал %3): версии никогда не перезаписываются; выберите другое название.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the parties on the left and on the right of the line.</source>
        <translation>Выберите стороны слева и справа от линии.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The same party (%1) is on both sides of the line: choose the party on the other side.</source>
        <translation>С обеих сторон линии указана одна и та же сторона (%1): выберите сторону по другую сторону линии.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give the version&apos;s date.</source>
        <translation>Укажите дату версии.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The date %1 is in the future.</source>
        <translation>Дата %1 ещё не наступила.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Say who imports the version.</source>
        <translation>Укажите, кто импортирует версию.</translation>
    </message>
</context>
<context>
    <name>limes::ImportVersionTask</name>
    <message>
        <location filename="../plugin/gui/tasks/importversiontask.cpp" line="+77"/>
        <source>Limes: import version %1</source>
        <translation>Limes: импорт версии %1</translation>
    </message>
</context>
<context>
    <name>limes::LayerStyles</name>
    <message>
        <location filename="../plugin/gui/workspace/layerstyles.cpp" line="+69"/>
        <source>agreed</source>
        <translation>согласовано</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>agreed, awaiting countersignature</source>
        <translation>согласовано, ожидает встречной подписи</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>agreed, awaiting %1</source>
        <translation>согласовано, ожидает подписи %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>disputed</source>
        <translation>оспаривается</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>deferred</source>
        <translation>отложено</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>referred</source>
        <translation>передано рабочей группе</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no decision yet</source>
        <translation>решения ещё нет</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>%1 km²</source>
        <translation>%1 км²</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 ha</source>
        <translation>%1 га</translation>
    </message>
</context>
<context>
    <name>limes::NewWorkspaceDialog</name>
    <message>
        <location filename="../plugin/gui/forms/newworkspacedialog.cpp" line="+26"/>
        <source>Create</source>
        <translation>Создать</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Limes workspace (*.gpkg)</source>
        <translation>Рабочая область Limes (*.gpkg)</translation>
    </message>
    <message>
        <location line="+116"/>
        <source>Choose a saved PostgreSQL connection.</source>
        <translation>Выберите сохранённое подключение PostgreSQL.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the new GeoPackage file.</source>
        <translation>Выберите новый файл GeoPackage.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 exists already: a workspace is never overwritten.</source>
        <translation>%1 уже существует: рабочая область никогда не перезаписывается.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A commission has at least two parties.</source>
        <translation>В комиссии должно быть не менее двух сторон.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Party %1 needs a code and a name.</source>
        <translation>Для стороны %1 нужны код и название.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Party code %1 is given twice.</source>
        <translation>Код стороны %1 указан дважды.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose the field of %1 that holds the segment codes.</source>
        <translation>Выберите поле слоя %1, в котором хранятся коды участков.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A segment of %1 has no code.</source>
        <translation>У одного из участков слоя %1 нет кода.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Segment code %1 is given twice in %2.</source>
        <translation>Код участка %1 указан дважды в слое %2.</translation>
    </message>
</context>
<context>
    <name>limes::OpenWorkspaceDialog</name>
    <message>
        <location filename="../plugin/gui/forms/openworkspacedialog.cpp" line="+16"/>
        <source>Limes workspace (*.gpkg)</source>
        <translation>Рабочая область Limes (*.gpkg)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open Commission Workspace</source>
        <translation>Открыть рабочую область комиссии</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save a connection in QGIS first: Data Source Manager, PostgreSQL, New</source>
        <translation>Сначала сохраните подключение в QGIS: Менеджер источников данных, PostgreSQL, Создать</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No PostgreSQL connections are saved in QGIS (Data Source Manager, PostgreSQL, New).</source>
        <translation>В QGIS нет сохранённых подключений PostgreSQL (Менеджер источников данных, PostgreSQL, Создать).</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Choose a saved PostgreSQL connection.</source>
        <translation>Выберите сохранённое подключение PostgreSQL.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the workspace&apos;s GeoPackage file.</source>
        <translation>Выберите файл GeoPackage рабочей области.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is no file %1.</source>
        <translation>Файла %1 не существует.</translation>
    </message>
</context>
<context>
    <name>limes::PluginUi</name>
    <message>
        <source>Split Segment…</source>
        <translation>Разделить участок…</translation>
    </message>
    <message>
        <source>Click a pillar or a vertex of a segment&apos;s line and split the segment in two there, with new codes you confirm; the ledger records the split</source>
        <translation>Щёлкните столб или вершину линии участка, чтобы разделить там участок на два с новыми кодами, которые вы подтвердите; раздел записывается в журнал</translation>
    </message>
    <message>
        <location filename="../plugin/gui/pluginui.cpp" line="+91"/>
        <source>&amp;Limes</source>
        <translation>&amp;Limes</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+122"/>
        <location line="+117"/>
        <location line="+34"/>
        <source>Limes</source>
        <translation>Limes</translation>
    </message>
    <message>
        <location line="-269"/>
        <source>Open Workspace…</source>
        <translation>Открыть рабочую область…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a commission workspace: a GeoPackage file or a PostgreSQL connection saved in QGIS</source>
        <translation>Открыть рабочую область комиссии: файл GeoPackage или подключение PostgreSQL, сохранённое в QGIS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New Workspace…</source>
        <translation>Новая рабочая область…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create a commission workspace with its parties and segments</source>
        <translation>Создать рабочую область комиссии со сторонами и участками границы</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open Recent</source>
        <translation>Открыть недавние</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close Workspace</source>
        <translation>Закрыть рабочую область</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the workspace and remove its layers</source>
        <translation>Закрыть рабочую область и удалить её слои</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Segments</source>
        <translation>Участки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The workspace&apos;s segments, their status and ledger</source>
        <translation>Участки границы рабочей области, их статус и журнал решений</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Record Decision…</source>
        <translation>Внести решение…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record what a protocol decided about a segment, signed with your delegation&apos;s key</source>
        <translation>Внести решение протокола по участку границы, подписанное ключом вашей делегации</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Versions</source>
        <translation>Версии</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The workspace&apos;s versions of the line: kind, date, author, parties</source>
        <translation>Версии линии в рабочей области: вид, дата, автор, стороны</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import Version…</source>
        <translation>Импортировать версию…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import a loaded line layer, or its selected features, as a new version of the workspace, signed with your delegation&apos;s key</source>
        <translation>Импортировать загруженный линейный слой или выбранные в нём объекты как новую версию рабочей области, подписанную ключом вашей делегации</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Compare Versions…</source>
        <translation>Сравнить версии…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Land and water that change sides between two versions: workspace versions or loaded layers</source>
        <translation>Земли и воды, переходящие к другой стороне между двумя версиями: версиями рабочей области или загруженными слоями</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Validate…</source>
        <translation>Проверить…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the line, its segments and pillars against the validation rules; accept findings in the workspace</source>
        <translation>Проверить линию, её участки и пограничные столбы по правилам проверки; принять замечания в рабочей области</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Boundary Change (Processing)…</source>
        <translation>Изменение границы (Обработка)…</translation>
    </message>
    <message>
        <location line="+170"/>
        <source>your delegation&apos;s key: Limes asks for it when you record</source>
        <translation>ключ вашей делегации: Limes запросит его при внесении записи</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>key %1 (not registered in this workspace: recording will be refused)</source>
        <translation>ключ %1 (не зарегистрирован в этой рабочей области: внесение записи будет отклонено)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>key %1, registered for %2</source>
        <translation>ключ %1, зарегистрирован за %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the secretariat</source>
        <translation>секретариатом</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recording a decision</source>
        <translation>Внесение решения</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing was recorded: no signing key was given.</source>
        <translation>Ничего не внесено: ключ подписи не указан.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recorded entry %1: %2, %3.</source>
        <translation>Внесена запись %1: %2, %3.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Limes: nothing was recorded</source>
        <translation>Limes: ничего не внесено</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Countersigning the agreement on %1 (entry %2) for %3</source>
        <translation>Встречная подпись согласования по участку %1 (запись %2) за %3</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Entry %1 countersigned for %2 (entry %3).</source>
        <translation>Запись %1 подписана встречно за %2 (запись %3).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Limes: cannot countersign</source>
        <translation>Limes: не удаётся подписать встречно</translation>
    </message>
    <message>
        <location line="-219"/>
        <source>Land, water and other resources that change sides between two versions of a boundary</source>
        <translation>Земли, воды и другие ресурсы, переходящие к другой стороне между двумя версиями границы</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Signing Key…</source>
        <translation>Ключ подписи…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the key your delegation signs the ledger with (asked for once per session)</source>
        <translation>Выбрать ключ, которым ваша делегация подписывает журнал решений (запрашивается один раз за сеанс)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every entry you record</source>
        <translation>Каждая вносимая вами запись</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About Limes…</source>
        <translation>О программе Limes…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Limes version, the library versions its numbers come from, and the sample data&apos;s provenance</source>
        <translation>Версия Limes, версии библиотек, от которых зависят её цифры, и происхождение учебных данных</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>%1 cannot be opened: it no longer exists.</source>
        <translation>Не удаётся открыть %1: рабочей области больше не существует.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Limes: cannot open the workspace</source>
        <translation>Limes: не удаётся открыть рабочую область</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Limes: cannot create the workspace</source>
        <translation>Limes: не удаётся создать рабочую область</translation>
    </message>
    <message>
        <source>Digitize Claim…</source>
        <translation>Оцифровать претензионную линию…</translation>
    </message>
    <message>
        <source>Draw a party&apos;s claim line for a segment with QGIS&apos;s snapping, tracing and Advanced Digitizing, seeing the land and water it would move while you draw; stored as the party&apos;s claim version</source>
        <translation>Провести претензионную линию стороны по участку с привязкой, трассировкой и расширенной оцифровкой QGIS, видя во время оцифровки, какие земли и воды перешли бы к другой стороне; сохраняется как претензионная версия стороны</translation>
    </message>
    <message>
        <source>Draft from Version…</source>
        <translation>Проект по версии…</translation>
    </message>
    <message>
        <source>Copy a version&apos;s lines for a segment into an editable draft, edit it with QGIS&apos;s Vertex Tool while the land and water it would move are previewed, and save it as a new version</source>
        <translation>Скопировать линии версии по участку в редактируемый проект, править его инструментом редактирования вершин QGIS с предварительным расчётом переходящих земель и вод и сохранить как новую версию</translation>
    </message>
    <message>
        <source>Survey Pillar…</source>
        <translation>Съёмка столба…</translation>
    </message>
    <message>
        <source>Click a pillar and record where it was surveyed, with the accuracy and date; its designed position never changes, the deviation is shown and validated</source>
        <translation>Щёлкните столб и внесите его положение по съёмке с точностью и датой; проектное положение не меняется, отклонение показывается и проверяется</translation>
    </message>
</context>
<context>
    <name>limes::RecentWorkspaces</name>
    <message>
        <location filename="../plugin/gui/workspace/connections.cpp" line="+120"/>
        <source>PostgreSQL: %1</source>
        <translation>PostgreSQL: %1</translation>
    </message>
</context>
<context>
    <name>limes::RecordDecisionDialog</name>
    <message>
        <location filename="../plugin/gui/forms/recorddecisiondialog.cpp" line="+32"/>
        <source>agreed</source>
        <translation>согласовано</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>disputed</source>
        <translation>оспаривается</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>deferred</source>
        <translation>отложено</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>referred to a working group</source>
        <translation>передано рабочей группе</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+81"/>
        <source>(none)</source>
        <translation>(нет)</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>Record</source>
        <translation>Внести</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Attach Files</source>
        <translation>Вложить файлы</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>You are logged in as the %1 delegation: only %1&apos;s position and signatories can be recorded here. The other parties&apos; are read-only; an agreement is recorded by the secretariat and countersigned by each delegation.</source>
        <translation>Вы вошли как делегация %1: здесь можно внести только позицию и подписантов стороны %1. Позиции других сторон только для чтения; согласование вносит секретариат, а каждая делегация подписывает его встречно.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Recorded by %1&apos;s delegation or the secretariat</source>
        <translation>Вносит делегация %1 или секретариат</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>#%1 · protocol %2 of %3: %4</source>
        <translation>№%1 · протокол %2 от %3: %4</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>Choose the segment.</source>
        <translation>Выберите участок.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give the protocol number.</source>
        <translation>Укажите номер протокола.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give the meeting date.</source>
        <translation>Укажите дату заседания.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The meeting date %1 is in the future.</source>
        <translation>Дата заседания %1 ещё не наступила.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Logged in as the %1 delegation, you record %1&apos;s position and signatories only, not %2&apos;s.</source>
        <translation>Войдя как делегация %1, вы вносите только позицию и подписантов стороны %1, но не %2.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Logged in as the %1 delegation, you cannot record an agreement: the secretariat records it and each delegation countersigns it.</source>
        <translation>Войдя как делегация %1, вы не можете внести согласование: его вносит секретариат, а каждая делегация подписывает встречно.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>An agreed decision needs a signatory of every party; missing: %1.</source>
        <translation>Для согласованного решения нужен подписант от каждой стороны; нет подписанта: %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot read the attachment %1: %2</source>
        <translation>Не удаётся прочитать вложение %1: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Say who records the decision.</source>
        <translation>Укажите, кто вносит решение.</translation>
    </message>
</context>
<context>
    <name>limes::ReportRunner</name>
    <message>
        <source>Report cancelled: nothing written.</source>
        <translation>Отчёт отменён: ничего не записано.</translation>
    </message>
    <message>
        <source>Writing the change report…</source>
        <translation>Запись отчёта об изменениях…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>limes::SavedConnection</name>
    <message>
        <location filename="../plugin/gui/workspace/connections.cpp" line="-92"/>
        <source>%1 — user and password from QGIS&apos;s authentication database (configuration %2)</source>
        <translation>%1 — пользователь и пароль из базы аутентификации QGIS (конфигурация %2)</translation>
    </message>
</context>
<context>
    <name>limes::SegmentDetail</name>
    <message>
        <source>a vertex</source>
        <translation>вершины</translation>
    </message>
    <message>
        <source>pillar %1</source>
        <translation>столба %1</translation>
    </message>
    <message>
        <source>%1 split into %2 and %3 at %4</source>
        <translation>Участок %1 разделён на %2 и %3 у %4</translation>
    </message>
    <message>
        <location filename="../plugin/gui/workspace/segmentdetail.cpp" line="+24"/>
        <source>#%1 · protocol %2 of %3</source>
        <translation>№%1 · протокол %2 от %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <source> — version %1</source>
        <translation> — версия %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (corrects #%1)</source>
        <translation> (исправляет №%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> — superseded by #%1</source>
        <translation> — заменена записью №%1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source> — signatories: %1</source>
        <translation> — подписанты: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>signed with the secretariat&apos;s key</source>
        <translation>подписано ключом секретариата</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>signed with %1&apos;s key</source>
        <translation>подписано ключом стороны %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>; in force: signed for %1</source>
        <translation>; вступило в силу: подписано за %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>; &lt;b&gt;awaiting the signature of %1&lt;/b&gt;</source>
        <translation>; &lt;b&gt;ожидает подписи %1&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Attachment</source>
        <translation>Вложение</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>recorded by %1, %2</source>
        <translation>внёс %1, %2</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Select a segment to see its ledger, claims and pillars.</source>
        <translation>Выберите участок, чтобы увидеть его журнал решений, претензионные линии и пограничные столбы.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ledger</source>
        <translation>Журнал решений</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No decision recorded yet.</source>
        <translation>Решений пока не внесено.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Claims</source>
        <translation>Претензионные линии</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>party not recorded</source>
        <translation>сторона не указана</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No claim lines for this segment.</source>
        <translation>Для этого участка нет претензионных линий.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pillars</source>
        <translation>Пограничные столбы</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No pillars assigned to this segment.</source>
        <translation>К этому участку не отнесено ни одного пограничного столба.</translation>
    </message>
</context>
<context>
    <name>limes::SegmentsDock</name>
    <message>
        <source>Split…</source>
        <translation>Разделить…</translation>
    </message>
    <message>
        <source>Split the segment in two at a pillar or a vertex you click on the map; the ledger records the split</source>
        <translation>Разделить участок на два у столба или вершины, указанных щелчком на карте; раздел записывается в журнал</translation>
    </message>
    <message>
        <location filename="../plugin/gui/workspace/segmentsdock.cpp" line="+28"/>
        <location line="+96"/>
        <source>Limes Segments</source>
        <translation>Limes: участки</translation>
    </message>
    <message>
        <location line="-86"/>
        <source>Filter segments…</source>
        <translation>Фильтр участков…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All statuses</source>
        <translation>Все статусы</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record Decision…</source>
        <translation>Внести решение…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No workspace is open. Open one from the Limes menu.</source>
        <translation>Рабочая область не открыта. Откройте её из меню Limes.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Countersign…</source>
        <translation>Подписать встречно…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sign the segment&apos;s agreement for your delegation: it takes effect once every party signed it</source>
        <translation>Подписать согласование по участку за вашу делегацию: оно вступает в силу, когда его подпишут все стороны</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Limes Segments — %1</source>
        <translation>Limes: участки — %1</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>Limes</source>
        <translation>Limes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No version&apos;s lines name segment %1: there is nothing to show on the map.</source>
        <translation>Участок %1 не упоминается ни в одной версии линии: на карте показать нечего.</translation>
    </message>
    <message>
        <source>Digitize Claim…</source>
        <translation>Оцифровать претензионную линию…</translation>
    </message>
    <message>
        <source>Draw a party&apos;s claim line for the segment, with the land and water it would move previewed while you draw</source>
        <translation>Провести претензионную линию стороны по участку с предварительным расчётом земель и вод, которые перешли бы к другой стороне</translation>
    </message>
</context>
<context>
    <name>limes::SegmentsModel</name>
    <message>
        <location filename="../plugin/gui/workspace/segmentsmodel.cpp" line="+99"/>
        <source>Recorded at %1</source>
        <translation>Внесено %1</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Segment</source>
        <translation>Участок</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last decision</source>
        <translation>Последнее решение</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protocol</source>
        <translation>Протокол</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Agreed version</source>
        <translation>Согласованная версия</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Length (km)</source>
        <translation>Длина (км)</translation>
    </message>
</context>
<context>
    <name>limes::SigningKeyDialog</name>
    <message>
        <location filename="../plugin/gui/forms/signingkeydialog.cpp" line="+15"/>
        <source>%1 is signed with your delegation&apos;s key. Choose your key file and type its passphrase: Limes keeps the key in memory until QGIS closes, and never stores the passphrase.</source>
        <translation>%1 подписывается ключом вашей делегации. Выберите файл ключа и введите парольную фразу: Limes хранит ключ в памяти до закрытия QGIS и никогда не сохраняет парольную фразу.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signing Key</source>
        <translation>Ключ подписи</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use Key</source>
        <translation>Использовать ключ</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Choose your key file.</source>
        <translation>Выберите файл ключа.</translation>
    </message>
</context>
<context>
    <name>limes::ValidateDock</name>
    <message>
        <location filename="../plugin/gui/workspace/validatedock.cpp" line="+46"/>
        <source>error</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>warning</source>
        <translation>предупреждение</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Limes Validate</source>
        <translation>Limes: проверка</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Validate</source>
        <translation>Проверить</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Finding</source>
        <translation>Замечание</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Severity</source>
        <translation>Важность</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Measured</source>
        <translation>Измерено</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+65"/>
        <source>Tolerance</source>
        <translation>Допуск</translation>
    </message>
    <message>
        <location line="-65"/>
        <source>Accepted</source>
        <translation>Принято</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Accept…</source>
        <translation>Принять…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+373"/>
        <source>Record in the workspace that the commission accepts this finding, and why</source>
        <translation>Записать в рабочую область, что комиссия принимает это замечание, и почему</translation>
    </message>
    <message>
        <location line="-340"/>
        <source>Line</source>
        <translation>Линия</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Segments</source>
        <translation>Участки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Segment code</source>
        <translation>Код участка</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pillars</source>
        <translation>Пограничные столбы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pillar number</source>
        <translation>Номер столба</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> m</source>
        <translation> м</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Rules</source>
        <translation>Правила</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>%1 (%2, workspace)</source>
        <translation>%1 (%2, рабочая область)</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Choose the line to validate.</source>
        <translation>Выберите линию для проверки.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the field of the segments that holds their codes.</source>
        <translation>Выберите поле участков, в котором хранятся их коды.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the field of the pillars that holds their numbers.</source>
        <translation>Выберите поле пограничных столбов, в котором хранятся их номера.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Tick at least one rule.</source>
        <translation>Отметьте хотя бы одно правило.</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Validating %1…</source>
        <translation>Проверка %1…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Validation cancelled.</source>
        <translation>Проверка отменена.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Limes: validation failed</source>
        <translation>Limes: проверка не удалась</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>the layer as a whole</source>
        <translation>слой в целом</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>feature %1</source>
        <translation>объект %1</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>accepted</source>
        <translation>принято</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1
Accepted: %2</source>
        <translation>%1
Принято: %2</translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%1 — %n finding(s), %2 accepted</source>
        <translation>
            <numerusform>%1 — %n замечание, принято: %2</numerusform>
            <numerusform>%1 — %n замечания, принято: %2</numerusform>
            <numerusform>%1 — %n замечаний, принято: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 — %n finding(s)</source>
        <translation>
            <numerusform>%1 — %n замечание</numerusform>
            <numerusform>%1 — %n замечания</numerusform>
            <numerusform>%1 — %n замечаний</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%1: %n finding(s), %2 accepted, %3 error(s) standing; %4 rule(s) run.</source>
        <translation>
            <numerusform>%1: %n замечание, принято: %2, непринятых ошибок: %3; выполнено правил: %4.</numerusform>
            <numerusform>%1: %n замечания, принято: %2, непринятых ошибок: %3; выполнено правил: %4.</numerusform>
            <numerusform>%1: %n замечаний, принято: %2, непринятых ошибок: %3; выполнено правил: %4.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+31"/>
        <location line="+44"/>
        <source>Limes</source>
        <translation>Limes</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>This finding cannot be shown in the map&apos;s coordinate reference system.</source>
        <translation>Это замечание невозможно показать в системе координат карты.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Accept Finding</source>
        <translation>Принятие замечания</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why does the commission accept this finding (%1)? The reason is recorded in the workspace&apos;s ledger.</source>
        <translation>Почему комиссия принимает это замечание (%1)? Обоснование вносится в журнал решений рабочей области.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Accepting a validation finding</source>
        <translation>Принятие замечания проверки</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Limes: cannot accept the finding</source>
        <translation>Limes: не удаётся принять замечание</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Finding %1 accepted in the workspace.</source>
        <translation>Замечание %1 принято в рабочей области.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Open a workspace to record accepted findings</source>
        <translation>Откройте рабочую область, чтобы записывать принятые замечания</translation>
    </message>
</context>
<context>
    <name>limes::ValidateTask</name>
    <message>
        <location filename="../plugin/gui/tasks/validatetask.cpp" line="+11"/>
        <source>Limes: validate %1</source>
        <translation>Limes: проверка %1</translation>
    </message>
</context>
<context>
    <name>limes::VersionsController</name>
    <message>
        <location filename="../plugin/gui/workspace/versionscontroller.cpp" line="+55"/>
        <location line="+61"/>
        <source>Limes</source>
        <translation>Limes</translation>
    </message>
    <message>
        <location line="-61"/>
        <location line="+16"/>
        <source>A version is being imported: wait for it to end.</source>
        <translation>Идёт импорт версии: дождитесь его окончания.</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>your delegation&apos;s key: Limes asks for it when you import</source>
        <translation>ключ вашей делегации: Limes запросит его при импорте</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>key %1 (not registered in this workspace: the import will be refused)</source>
        <translation>ключ %1 (не зарегистрирован в этой рабочей области: импорт будет отклонён)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>key %1, registered for %2</source>
        <translation>ключ %1, зарегистрирован за %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>the secretariat</source>
        <translation>секретариатом</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Importing a version</source>
        <translation>Импорт версии</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing was imported: no signing key was given.</source>
        <translation>Ничего не импортировано: ключ подписи не указан.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The workspace was closed.</source>
        <translation>Рабочая область была закрыта.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>The import of %1 ended without storing it.</source>
        <translation>Импорт %1 завершился, но версия не сохранена.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Limes: the workspace cannot be read again</source>
        <translation>Limes: не удаётся заново прочитать рабочую область</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>Imported version %1 (%2, %n lines).</source>
        <translation>
            <numerusform>Импортирована версия %1 (%2, %n линия).</numerusform>
            <numerusform>Импортирована версия %1 (%2, %n линии).</numerusform>
            <numerusform>Импортирована версия %1 (%2, %n линий).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Limes: cannot import the version</source>
        <translation>Limes: не удаётся импортировать версию</translation>
    </message>
</context>
<context>
    <name>limes::VersionsDock</name>
    <message>
        <location filename="../plugin/gui/workspace/versionsdock.cpp" line="+17"/>
        <source>historical</source>
        <translation>историческая</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>claim of a party</source>
        <translation>претензионная линия стороны</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>draft</source>
        <translation>проект</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>agreed</source>
        <translation>согласованная</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>ratified</source>
        <translation>ратифицированная</translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+38"/>
        <source>Limes Versions</source>
        <translation>Limes: версии</translation>
    </message>
    <message>
        <location line="-32"/>
        <source>No workspace is open. Open one from the Limes menu.</source>
        <translation>Рабочая область не открыта. Откройте её из меню Limes.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Author</source>
        <translation>Автор</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Left</source>
        <translation>Слева</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Right</source>
        <translation>Справа</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lines</source>
        <translation>Линии</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import Version…</source>
        <translation>Импортировать версию…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import a loaded line layer, or its selected features, as a new version</source>
        <translation>Импортировать загруженный линейный слой или выбранные в нём объекты как новую версию</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Limes Versions — %1</source>
        <translation>Limes: версии — %1</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Source: %1</source>
        <translation>Источник: %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1
Source: %2</source>
        <translation>%1
Источник: %2</translation>
    </message>
</context>
<context>
    <name>limes::WorkspaceLayers</name>
    <message>
        <location filename="../plugin/gui/workspace/workspacelayers.cpp" line="+62"/>
        <source>Limes — %1</source>
        <translation>Limes — %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Versions</source>
        <translation>Версии</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Segments</source>
        <translation>Участки</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Pillars</source>
        <translation>Пограничные столбы</translation>
    </message>
</context>
<context>
    <name>limes::WorkspaceSession</name>
    <message>
        <location filename="../plugin/gui/workspace/workspacesession.cpp" line="+189"/>
        <source>Logged in as the %1 delegation, you record with %1&apos;s key; this key is %2.</source>
        <translation>Войдя как делегация %1, вы вносите записи ключом стороны %1; этот ключ %2.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not registered in this workspace</source>
        <translation>не зарегистрирован в этой рабочей области</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>registered for %1</source>
        <translation>зарегистрирован за %1</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>%1, protocol %2</source>
        <translation>%1, протокол %2</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>a countersignature</source>
        <translation>встречная подпись</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not recorded: %1 recorded entry %2 about %3 (%4) since you opened the form; your entry is kept: look at it and record again.</source>
        <translation>Не внесено: пока форма была открыта, %1 внёс запись %2 по участку %3 (%4); ваша запись сохранена в форме: ознакомьтесь с новой записью и внесите свою снова.</translation>
    </message>
</context>
<context>
    <name>limes::report</name>
    <message>
        <source>a vertex</source>
        <translation>вершины</translation>
    </message>
    <message>
        <source>pillar %1</source>
        <translation>столба %1</translation>
    </message>
    <message>
        <source>%1 split into %2 and %3 at %4</source>
        <translation>Участок %1 разделён на %2 и %3 у %4</translation>
    </message>
    <message>
        <location filename="../plugin/core/report/coverpage.cpp" line="+15"/>
        <source>Boundary commission</source>
        <translation>Пограничная комиссия</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Boundary change report</source>
        <translation>Отчёт об изменении линии границы</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protocol annex: land and resources that change sides between two versions of the boundary line</source>
        <translation>Приложение к протоколу: земли и ресурсы, переходящие к другой стороне между двумя версиями линии границы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Versions compared</source>
        <translation>Сравниваемые версии</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Parties</source>
        <translation>Стороны</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Report date</source>
        <translation>Дата отчёта</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Changed segments</source>
        <translation>Изменённые участки</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Working CRS</source>
        <translation>Рабочая СК</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>areas on</source>
        <translation>площади на эллипсоиде</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>edges</source>
        <translation>рёбра</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Versions read from files (no workspace)</source>
        <translation>Версии прочитаны из файлов (без рабочей области)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Workspace</source>
        <translation>Рабочая область</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ledger head (entries:hash)</source>
        <translation>Вершина журнала (записей:хеш)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Every figure in this report is that of the change summary computed by Limes from the inputs listed in the annex; the tables are beside this file as CSV and the geometry as a GeoPackage.</source>
        <translation>Все цифры отчёта взяты из сводки изменений, вычисленной Limes по исходным данным, перечисленным в приложении; таблицы приложены к этому файлу в формате CSV, геометрия — в формате GeoPackage.</translation>
    </message>
    <message>
        <location filename="../plugin/core/report/layoutkit.cpp" line="+129"/>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <location filename="../plugin/core/report/provenanceannex.cpp" line="+17"/>
        <source>Annex: provenance</source>
        <translation>Приложение: происхождение данных</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>To recompute every figure, run `limes change` on the inputs below (the SHA-256 of each file must match) with these parameters; to check the record, run `limes workspace verify --expect-head` with the ledger head.</source>
        <translation>Чтобы пересчитать все цифры, выполните `limes change` на перечисленных ниже исходных данных (SHA-256 каждого файла должен совпасть) с этими параметрами; чтобы проверить запись, выполните `limes workspace verify --expect-head` с вершиной журнала.</translation>
    </message>
    <message>
        <location filename="../plugin/core/report/reportlayers.cpp" line="+147"/>
        <location filename="../plugin/core/report/reporttables.cpp" line="+114"/>
        <location line="+18"/>
        <location line="+16"/>
        <location line="+13"/>
        <source>Segment</source>
        <translation>Участок</translation>
    </message>
    <message>
        <location line="+13"/>
        <location filename="../plugin/core/report/segmentpages.cpp" line="+145"/>
        <source>Land that changes sides</source>
        <translation>Земли, переходящие к другой стороне</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>ha</source>
        <translation>га</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Resource areas that change sides</source>
        <translation>Ресурсы (площадные), переходящие к другой стороне</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resource lines that change sides</source>
        <translation>Ресурсы (линейные), переходящие к другой стороне</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Resource points that change sides</source>
        <translation>Ресурсы (точечные), переходящие к другой стороне</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Old version</source>
        <translation>Прежняя версия</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New version</source>
        <translation>Новая версия</translation>
    </message>
    <message>
        <location line="+5"/>
        <location filename="../plugin/core/report/segmentpages.cpp" line="+6"/>
        <source>Pillars</source>
        <translation>Пограничные столбы</translation>
    </message>
    <message>
        <location filename="../plugin/core/report/reporttables.cpp" line="-127"/>
        <source>agreed</source>
        <translation>согласовано</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>disputed</source>
        <translation>спорный</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>deferred</source>
        <translation>отложено</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>referred</source>
        <translation>передано на рассмотрение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>historical</source>
        <translation>историческая</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>claim</source>
        <translation>притязание</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>draft</source>
        <translation>проект</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ratified</source>
        <translation>ратифицирована</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>line</source>
        <translation>линия</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>polygon</source>
        <translation>полигон</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>point</source>
        <translation>точка</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Version</source>
        <translation>Версия</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+12"/>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Author</source>
        <translation>Автор</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>old</source>
        <translation>прежняя</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>new</source>
        <translation>новая</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+21"/>
        <source>Party</source>
        <translation>Сторона</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>Name (local)</source>
        <translation>Название (местное)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Area, ha</source>
        <translation>Площадь, га</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Area, km²</source>
        <translation>Площадь, км²</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+20"/>
        <location line="+22"/>
        <location line="+20"/>
        <source>From</source>
        <translation>От</translation>
    </message>
    <message>
        <location line="-62"/>
        <location line="+20"/>
        <location line="+23"/>
        <location line="+19"/>
        <source>To</source>
        <translation>К</translation>
    </message>
    <message>
        <location line="-61"/>
        <location line="+42"/>
        <source>Parts</source>
        <translation>Частей</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Gained, ha</source>
        <translation>Получено, га</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Lost, ha</source>
        <translation>Передано, га</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Net, ha</source>
        <translation>Итого, га</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Net, km²</source>
        <translation>Итого, км²</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+14"/>
        <location line="+27"/>
        <source>Layer</source>
        <translation>Слой</translation>
    </message>
    <message>
        <location line="-41"/>
        <location line="+42"/>
        <source>Geometry</source>
        <translation>Геометрия</translation>
    </message>
    <message>
        <location line="-40"/>
        <source>Features</source>
        <translation>Объектов</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+42"/>
        <source>Length, km</source>
        <translation>Длина, км</translation>
    </message>
    <message>
        <location line="-30"/>
        <location line="+28"/>
        <source>Feature</source>
        <translation>Объект</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Crossings, old</source>
        <translation>Пересечений, прежняя</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Crossings, new</source>
        <translation>Пересечений, новая</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Resource features</source>
        <translation>Объектов ресурсов</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Entry</source>
        <translation>Запись</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Protocol</source>
        <translation>Протокол</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Meeting date</source>
        <translation>Дата заседания</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Decision</source>
        <translation>Решение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Agreed version</source>
        <translation>Согл. версия</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Signed by</source>
        <translation>Подпись</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Pillar</source>
        <translation>Столб</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Easting, m</source>
        <translation>Восток, м</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Northing, m</source>
        <translation>Север, м</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Latitude, °</source>
        <translation>Широта, °</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Longitude, °</source>
        <translation>Долгота, °</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To next, m</source>
        <translation>До следующего, м</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Azimuth to next, °</source>
        <translation>Азимут на следующий, °</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Item</source>
        <translation>Параметр</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <location filename="../plugin/core/report/segmentpages.cpp" line="-87"/>
        <source>Grid</source>
        <translation>Сетка</translation>
    </message>
    <message>
        <location line="+22"/>
        <location filename="../plugin/core/report/summarypages.cpp" line="+43"/>
        <source>km</source>
        <translation>км</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Resources that change sides</source>
        <translation>Ресурсы, переходящие к другой стороне</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ledger</source>
        <translation>Журнал решений</translation>
    </message>
    <message>
        <location filename="../plugin/core/report/summarypages.cpp" line="+15"/>
        <source>Summary</source>
        <translation>Сводка</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Land that changes sides, per direction</source>
        <translation>Земли, переходящие к другой стороне, по направлениям</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Net change per party</source>
        <translation>Итоговое изменение по сторонам</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Digitizing noise, not counted above: %1 pieces below %2 m², %3 ha in all.</source>
        <translation>Шум оцифровки, не учтённый выше: %1 частей менее %2 м², всего %3 га.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Summary: resources and segments</source>
        <translation>Сводка: ресурсы и участки</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resources that change sides, per layer</source>
        <translation>Ресурсы, переходящие к другой стороне, по слоям</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Crossings: how often the boundary crosses a line resource, old → new</source>
        <translation>Пересечения: сколько раз граница пересекает линейный ресурс, прежняя → новая</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Per segment</source>
        <translation>По участкам</translation>
    </message>
    <message>
        <source>the workspace&apos;s</source>
        <translation>из рабочей области</translation>
    </message>
    <message>
        <source>none given</source>
        <translation>не заданы</translation>
    </message>
    <message>
        <source>%1 (continued): %2</source>
        <translation>%1 (продолжение): %2</translation>
    </message>
    <message>
        <source>Snap-rounding grid, m</source>
        <translation>Сетка привязки, м</translation>
    </message>
    <message>
        <source>Smallest transfer counted, m²</source>
        <translation>Наименьший учитываемый участок, м²</translation>
    </message>
    <message>
        <source>Largest gap between the versions&apos; ends, m</source>
        <translation>Наибольший разрыв между концами версий, м</translation>
    </message>
    <message>
        <source>Ellipsoid (areas and lengths)</source>
        <translation>Эллипсоид (площади и длины)</translation>
    </message>
    <message>
        <source>Edge interpretation</source>
        <translation>Толкование рёбер</translation>
    </message>
    <message>
        <source>Parties left and right of the line</source>
        <translation>Стороны слева и справа от линии</translation>
    </message>
    <message>
        <source>Party field of the territories</source>
        <translation>Поле стороны в слое территорий</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Features, CRS</source>
        <translation>Объектов, СК</translation>
    </message>
    <message>
        <source>Limes version</source>
        <translation>Версия Limes</translation>
    </message>
    <message>
        <source>QGIS version</source>
        <translation>Версия QGIS</translation>
    </message>
    <message>
        <source>GEOS version</source>
        <translation>Версия GEOS</translation>
    </message>
    <message>
        <source>PROJ version</source>
        <translation>Версия PROJ</translation>
    </message>
    <message>
        <source>Input: old version</source>
        <translation>Входные данные: прежняя версия</translation>
    </message>
    <message>
        <source>Input: new version</source>
        <translation>Входные данные: новая версия</translation>
    </message>
    <message>
        <source>Input: segment lines</source>
        <translation>Входные данные: линии участков</translation>
    </message>
    <message>
        <source>Input: resource layer</source>
        <translation>Входные данные: слой ресурсов</translation>
    </message>
    <message>
        <source>%1 (%2 vertices added)</source>
        <translation>%1 (добавлено вершин: %2)</translation>
    </message>
    <message>
        <source>left %1, right %2</source>
        <translation>слева %1, справа %2</translation>
    </message>
    <message>
        <source>No pillars were given for this report (a workspace&apos;s, or a pillar layer: --pillars).</source>
        <translation>Для этого отчёта пограничные столбы не заданы (из рабочей области или слоем столбов: --pillars).</translation>
    </message>
    <message>
        <source>Summary: per segment (continued)</source>
        <translation>Сводка: по участкам (продолжение)</translation>
    </message>
</context>
<context>
    <name>limes::validation</name>
    <message>
        <location filename="../plugin/core/validation/rules/ends.cpp" line="+13"/>
        <source>An input is in another CRS than the line (and than the UTM zone a geographic line is worked in): it is reprojected with PROJ and reported. When PROJ offers more than one datum transformation for it (Pulkovo 1942 to WGS 84, for instance) the input is refused as bad input (exit code 2): reproject it with the transformation the commission agreed.</source>
        <translation>Входной слой в другой СК, чем линия (и чем зона UTM, в которой обрабатывается линия в географических координатах): он перепроецируется с помощью PROJ, и об этом сообщается. Если PROJ предлагает для него больше одного преобразования датума (например, Пулково 1942 в WGS 84), входной слой отклоняется как неверные данные (код выхода 2): перепроецируйте его преобразованием, согласованным комиссией.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A part of the line comes back to within 1 % of its length of its start but does not end exactly where it starts: the ring of an enclave left open. Reported as the gap.</source>
        <translation>Часть линии возвращается к своему началу ближе чем на 1 % своей длины, но заканчивается не точно в начале: кольцо анклава осталось незамкнутым. Сообщается в виде разрыва.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An end of an open part of the line lies farther than the tolerance from every tripoint, or no tripoint is given: the line must end where it meets a third party&apos;s boundary. Reported as the line to the nearest tripoint.</source>
        <translation>Конец незамкнутой части линии лежит дальше допуска от всех тройных точек, или тройные точки не заданы: линия должна заканчиваться там, где она встречается с границей третьей стороны. Сообщается в виде линии до ближайшей тройной точки.</translation>
    </message>
    <message>
        <location filename="../plugin/core/validation/rules/geometry.cpp" line="+11"/>
        <source>A feature of the line, segments, pillars or territories has no geometry (null or empty). It takes no part in the other rules. The finding names the feature, by its segment code or pillar number where it has one, and has no position.</source>
        <translation>Объект линии, участков, пограничных столбов или территорий не имеет геометрии (NULL или пустая). В остальных правилах он не участвует. Замечание называет объект — по коду участка или номеру столба, если они есть, — и не имеет местоположения.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A part of the line that is no line (fewer than two distinct vertices), reported at its first vertex and left out of the other rules; or a territory polygon GEOS finds invalid (a ring crossing itself, for instance), reported at a point on its surface and made valid before the territory rules use it.</source>
        <translation>Часть линии, которая не является линией (меньше двух различных вершин): сообщается в её первой вершине и исключается из остальных правил; или полигон территории, который GEOS считает недопустимым (например, самопересекающееся кольцо): сообщается в точке на его поверхности и исправляется, прежде чем его используют правила для территорий.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Two consecutive vertices of the line 1 mm or less apart: one of them is redundant. Reported at the vertex, with the distance on the ellipsoid.</source>
        <translation>Две последовательные вершины линии находятся на расстоянии 1 мм или меньше: одна из них лишняя. Сообщается в вершине, с расстоянием на эллипсоиде.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The line turns back on itself at a vertex: the angle between the edge before and the edge after is sharper than the spike angle (default 1 degree, `--spike-angle`). Repeated vertices are stepped over; the ends of an open part cannot spike, the closing vertex of a ring can.</source>
        <translation>Линия в вершине поворачивает назад: угол между предыдущим и последующим рёбрами острее угла выброса (по умолчанию 1 градус, `--spike-angle`). Повторяющиеся вершины пропускаются; концы незамкнутой части выбросом быть не могут, замыкающая вершина кольца — может.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>An edge of the line shorter than the tolerance on the ellipsoid (and at least 1 mm long: shorter edges are duplicate vertices). Reported as the edge.</source>
        <translation>Ребро линии короче допуска на эллипсоиде (и длиной не менее 1 мм: более короткие рёбра — это повторяющиеся вершины). Сообщается в виде ребра.</translation>
    </message>
    <message>
        <location filename="../plugin/core/validation/rules/geometryintersections.cpp" line="+16"/>
        <source>Two edges of the line that are not neighbours cross or touch: the line crosses itself, or one part crosses another (parts of a multi-part line may meet end to end). Each place is reported once, at the crossing, naming the two edges.</source>
        <translation>Два несоседних ребра линии пересекаются или касаются: линия пересекает саму себя или одна её часть пересекает другую (части составной линии могут стыковаться концами). О каждом месте сообщается один раз, в точке пересечения, с указанием обоих рёбер.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Two edges of the line lie along each other: the line runs back over itself or over another part. Reported as the shared stretch, with its length on the ellipsoid.</source>
        <translation>Два ребра линии лежат друг на друге: линия проходит обратно по самой себе или по другой своей части. Сообщается в виде общего отрезка, с его длиной на эллипсоиде.</translation>
    </message>
    <message>
        <location filename="../plugin/core/validation/rules/pillars.cpp" line="+22"/>
        <source>A pillar stands farther than the tolerance from the line (on the ellipsoid, to the nearest point of the line). Reported as the line from the pillar to that point.</source>
        <translation>Пограничный столб стоит дальше допуска от линии (на эллипсоиде, до ближайшей точки линии). Сообщается в виде линии от столба до этой точки.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pillar numbers (field `number`, `--pillar-field`) must increase along each part of the line, in natural order (123 &lt; 123a &lt; 124): a pillar whose number does not come after the one before it is reported.</source>
        <translation>Номера пограничных столбов (поле `number`, `--pillar-field`) должны возрастать вдоль каждой части линии в естественном порядке (123 &lt; 123a &lt; 124): сообщается о столбе, номер которого не следует за номером предыдущего.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Two pillars with the same number, or two pillars next to each other along the line closer than the minimum spacing (default 1 m, `--min-pillar-spacing`): one pillar entered twice.</source>
        <translation>Два пограничных столба с одинаковым номером или два соседних вдоль линии столба ближе минимального расстояния (по умолчанию 1 м, `--min-pillar-spacing`): один столб внесён дважды.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Two pillars next to each other on the same part of the line farther apart than the maximum spacing (default 5000 m, `--max-pillar-spacing`): a pillar is missing between them.</source>
        <translation>Два соседних пограничных столба на одной части линии дальше друг от друга, чем максимальное расстояние (по умолчанию 5000 м, `--max-pillar-spacing`): между ними не хватает столба.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A vertex where the line turns by more than the turning angle (default 20 degrees, `--turning-angle`) has no pillar within the tolerance: a turning point of the demarcated line without its pillar.</source>
        <translation>У вершины, в которой линия поворачивает больше чем на угол поворота (по умолчанию 20 градусов, `--turning-angle`), в пределах допуска нет пограничного столба: поворотная точка демаркированной линии без столба.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A pillar&apos;s surveyed position (fields `surveyed_x`, `surveyed_y` in the pillars&apos; CRS; `survey_accuracy` in metres, quoted when given) lies farther than the tolerance from its designed position, the pillar&apos;s geometry. Not run when the pillars have no survey fields.</source>
        <translation>Измеренное положение пограничного столба (поля `surveyed_x`, `surveyed_y` в СК столбов; `survey_accuracy` в метрах, приводится, если задано) лежит дальше допуска от его проектного положения — геометрии столба. Не выполняется, если у столбов нет полей съёмки.</translation>
    </message>
    <message>
        <location filename="../plugin/core/validation/rules/segments.cpp" line="+16"/>
        <source>Two or more segments have the same code (field `code`, `--segment-field`). Every segment after the first with that code is reported, naming the first.</source>
        <translation>Два или более участка имеют одинаковый код (поле `code`, `--segment-field`). Сообщается о каждом участке с этим кодом после первого, с указанием первого.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Segment codes out of order along the line: taken by where they start on the line, each segment&apos;s code must come after the one before in natural order (S-9 &lt; S-10 &lt; S-10a). A segment digitized against the line&apos;s direction counts from its other end.</source>
        <translation>Коды участков идут вдоль линии не по порядку: в порядке начала участков на линии код каждого участка должен следовать за кодом предыдущего в естественном порядке (S-9 &lt; S-10 &lt; S-10a). Участок, оцифрованный против направления линии, отсчитывается от другого конца.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Two segments that follow each other on the same part of the line leave a gap: the next one starts farther than the tolerance from where the one before ends, in any direction (along the line, or sideways where an end is off the line). Reported as the gap.</source>
        <translation>Между двумя соседними участками на одной части линии остаётся разрыв: следующий участок начинается дальше допуска от конца предыдущего в любом направлении (вдоль линии или вбок, если конец лежит вне линии). Сообщается в виде разрыва.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Two segments that follow each other on the same part of the line overlap for more than the tolerance, measured along the line. Reported as the stretch of the line both cover.</source>
        <translation>Два соседних участка на одной части линии перекрываются больше чем на допуск, измеренный вдоль линии. Сообщается в виде отрезка линии, покрытого обоими.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A stretch of the line longer than the tolerance lies in no segment: before the first, between two, or after the last segment of a part. Reported as the stretch.</source>
        <translation>Отрезок линии длиннее допуска не входит ни в один участок: до первого, между двумя или после последнего участка части линии. Сообщается в виде этого отрезка.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A segment leaves the line: somewhere along it (a vertex, or a point of an edge) it is farther than the tolerance from the line, on the ellipsoid. Reported once per segment, at its point farthest from the line, as the line from there to the nearest point of the line, with the distance.</source>
        <translation>Участок отходит от линии: где-то на нём (в вершине или точке ребра) расстояние до линии на эллипсоиде больше допуска. Сообщается один раз на участок, в его наиболее удалённой от линии точке, в виде линии от неё до ближайшей точки линии, с расстоянием.</translation>
    </message>
    <message>
        <location filename="../plugin/core/validation/rules/territories.cpp" line="+14"/>
        <source>Land near the line that is in no party&apos;s territory (the territories&apos; party code is in the field `--party-field` names), looked for in a corridor along the line of 50 m or 20 times the tolerance, whichever is wider. Pieces no wider than the tolerance (the diameter of the largest circle inside, measured to a tenth of the tolerance or 1 mm) are ignored; each other piece is reported with its area and width.</source>
        <translation>Земля вблизи линии, не входящая в территорию ни одной стороны (код стороны территорий — в поле, которое задаёт `--party-field`); ищется в коридоре вдоль линии шириной 50 м или 20 допусков, смотря что шире. Части не шире допуска (диаметр наибольшей вписанной окружности, измеренный с точностью до десятой доли допуска или 1 мм) не учитываются; о каждой остальной части сообщается с её площадью и шириной.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Land in two parties&apos; territories at once. Pieces no wider than the tolerance (measured as for territory_gap) are ignored; each other piece is reported with its area and width.</source>
        <translation>Земля, входящая в территории двух сторон одновременно. Части не шире допуска (измеряется как для territory_gap) не учитываются; о каждой остальной части сообщается с её площадью и шириной.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The line leaves the edge two parties&apos; territories share, for more than the tolerance: the line and the territories disagree about where the boundary runs. Reported as the stretch of the line off the shared edge.</source>
        <translation>Линия отходит от общей границы территорий двух сторон больше чем на допуск: линия и территории расходятся в том, где проходит граница. Сообщается в виде отрезка линии вне общей границы.</translation>
    </message>
</context>
<context>
    <name>LimesDigitizeClaimDialog</name>
    <message>
        <source>Digitize Claim</source>
        <translation>Оцифровка претензионной линии</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Участок</translation>
    </message>
    <message>
        <source>Claim of</source>
        <translation>Претензия стороны</translation>
    </message>
    <message>
        <source>Compare with</source>
        <translation>Сравнивать с</translation>
    </message>
    <message>
        <source>The version the preview compares the line with while you draw: the segment&apos;s latest agreed version, else the other party&apos;s claim, else the current working version</source>
        <translation>Версия, с которой предварительный расчёт сравнивает линию во время оцифровки: последняя согласованная версия участка, иначе претензионная линия другой стороны, иначе текущая рабочая версия</translation>
    </message>
    <message>
        <source>Resources the preview counts (springs, intakes, canals, rivers, reservoirs)</source>
        <translation>Ресурсы, учитываемые в предварительном расчёте (родники, водозаборы, каналы, реки, водохранилища)</translation>
    </message>
</context>
<context>
    <name>limes::ClaimCaptureTool</name>
    <message>
        <source>Digitize claim</source>
        <translation>Оцифровка претензионной линии</translation>
    </message>
    <message>
        <source>Cannot transform the point to WGS 84</source>
        <translation>Не удаётся преобразовать точку в WGS 84</translation>
    </message>
</context>
<context>
    <name>limes::ClaimController</name>
    <message>
        <source>%1 has no single line for %2 to draw against</source>
        <translation>В версии %1 нет единой линии участка %2, с которой можно сравнивать</translation>
    </message>
    <message>
        <source>Limes: cannot digitize a claim</source>
        <translation>Limes: не удаётся начать оцифровку претензионной линии</translation>
    </message>
    <message>
        <source>Limes</source>
        <translation>Limes</translation>
    </message>
    <message>
        <source>%1&apos;s claim for %2, against %3. Land that would change sides is shaded in the colour of the party it would go to.</source>
        <translation>Претензионная линия стороны %1 по участку %2 в сравнении с %3. Земли, которые перешли бы к другой стороне, закрашены цветом стороны, к которой они перешли бы.</translation>
    </message>
    <message>
        <source>Click the first vertex on an end of %1.</source>
        <translation>Щёлкните первую вершину на одном из концов участка %1.</translation>
    </message>
    <message>
        <source>Limes: no preview</source>
        <translation>Limes: предварительный расчёт недоступен</translation>
    </message>
    <message>
        <source>Preview paused: %1</source>
        <translation>Предварительный расчёт приостановлен: %1</translation>
    </message>
    <message numerus="yes">
        <source>Updated in %1 ms (%n window(s) computed again).</source>
        <translation>
            <numerusform>Обновлено за %1 мс (пересчитано %n окно).</numerusform>
            <numerusform>Обновлено за %1 мс (пересчитано %n окна).</numerusform>
            <numerusform>Обновлено за %1 мс (пересчитано %n окон).</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: nothing was stored.</source>
        <translation>Отменено: ничего не сохранено.</translation>
    </message>
    <message>
        <source>Limes: the claim was not stored</source>
        <translation>Limes: претензионная линия не сохранена</translation>
    </message>
    <message>
        <source>Not stored: %1</source>
        <translation>Не сохранено: %1</translation>
    </message>
    <message>
        <source>Storing a claim</source>
        <translation>Сохранение претензионной линии</translation>
    </message>
    <message>
        <source>No signing key was given.</source>
        <translation>Ключ подписи не указан.</translation>
    </message>
    <message>
        <source>Not stored: no signing key was given.</source>
        <translation>Не сохранено: ключ подписи не указан.</translation>
    </message>
    <message>
        <source>Digitized in QGIS against %1</source>
        <translation>Оцифровано в QGIS в сравнении с %1</translation>
    </message>
    <message>
        <source>Limes: the workspace cannot be read again</source>
        <translation>Limes: не удаётся заново прочитать рабочую область</translation>
    </message>
    <message>
        <source>Stored as %1 (ledger entry %2). The totals are those of the stored claim against %3.</source>
        <translation>Сохранено как %1 (запись журнала %2). Итоги относятся к сохранённой претензионной линии в сравнении с %3.</translation>
    </message>
    <message>
        <source>Stored %1&apos;s claim for %2 as version %3.</source>
        <translation>Претензионная линия стороны %1 по участку %2 сохранена как версия %3.</translation>
    </message>
    <message>
        <source>Draft of %1 from %2</source>
        <translation>Проект участка %1 по версии %2</translation>
    </message>
    <message>
        <source>Draft of %1 from %2: move, add or delete its vertices with the Vertex Tool. Land that would change sides is shaded in the colour of the party it would go to.</source>
        <translation>Проект участка %1 по версии %2: перемещайте, добавляйте и удаляйте вершины инструментом редактирования вершин. Земли, которые перешли бы к другой стороне, закрашены цветом стороны, к которой они перешли бы.</translation>
    </message>
    <message>
        <source>No change yet.</source>
        <translation>Изменений пока нет.</translation>
    </message>
    <message>
        <source>Limes: the draft was not stored</source>
        <translation>Limes: проект не сохранён</translation>
    </message>
    <message>
        <source>The draft must stay one line from one end of the segment to the other.</source>
        <translation>Проект должен оставаться одной линией от одного конца участка до другого.</translation>
    </message>
    <message>
        <source>Storing a draft</source>
        <translation>Сохранение проекта</translation>
    </message>
    <message>
        <source>Stored as %1 (ledger entry %2). The totals are those of the stored draft against %3.</source>
        <translation>Сохранено как %1 (запись журнала %2). Итоги относятся к сохранённому проекту в сравнении с %3.</translation>
    </message>
    <message>
        <source>Stored the draft of %1 as version %2.</source>
        <translation>Проект участка %1 сохранён как версия %2.</translation>
    </message>
</context>
<context>
    <name>limes::ClaimPreviewDock</name>
    <message>
        <source>Limes Claim Preview</source>
        <translation>Limes: предварительный расчёт претензии</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Изменение</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Величина</translation>
    </message>
    <message>
        <source>%1 ha</source>
        <translation>%1 га</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Net for %1</source>
        <translation>Итого для %1</translation>
    </message>
    <message>
        <source>%1: features changing side</source>
        <translation>%1: объекты, переходящие к другой стороне</translation>
    </message>
    <message>
        <source>%1: length changing side</source>
        <translation>%1: протяжённость, переходящая к другой стороне</translation>
    </message>
    <message>
        <source>%1 km</source>
        <translation>%1 км</translation>
    </message>
    <message>
        <source>%1: area changing side</source>
        <translation>%1: площадь, переходящая к другой стороне</translation>
    </message>
    <message>
        <source>Save as Version…</source>
        <translation>Сохранить как версию…</translation>
    </message>
    <message>
        <source>Store the draft as a new version of the workspace, signed with your delegation&apos;s key</source>
        <translation>Сохранить проект как новую версию рабочей области, подписав ключом вашей делегации</translation>
    </message>
</context>
<context>
    <name>limes::DigitizeClaimDialog</name>
    <message>
        <source>Draw from one end of the segment to the other: the line must begin and end on the segment&apos;s end turning points or pillars (within %1 m). Snapping, tracing (T) and the Advanced Digitizing panel work as in QGIS; Backspace removes the last vertex, Esc cancels, a right-click finishes and stores the claim.</source>
        <translation>Проведите линию от одного конца участка до другого: она должна начинаться и заканчиваться в концевых поворотных точках или на пограничных столбах участка (с допуском %1 м). Привязка, трассировка (T) и панель расширенной оцифровки работают как в QGIS; Backspace удаляет последнюю вершину, Esc отменяет, щелчок правой кнопкой завершает линию и сохраняет претензию.</translation>
    </message>
    <message>
        <source>No version has lines for %1: import one that names its segments first.</source>
        <translation>Ни в одной версии нет линий участка %1: сначала импортируйте версию с кодами участков.</translation>
    </message>
    <message>
        <source>Draft from Version</source>
        <translation>Проект по версии</translation>
    </message>
    <message>
        <source>Version to copy</source>
        <translation>Копируемая версия</translation>
    </message>
    <message>
        <source>The version whose lines for the segment become the draft; the preview compares the draft with it</source>
        <translation>Версия, линии которой по участку становятся проектом; предварительный расчёт сравнивает проект с ней</translation>
    </message>
    <message>
        <source>The version&apos;s lines for the segment become an editable draft layer: move, add and delete vertices with QGIS&apos;s Vertex Tool while the preview shows the land and water the edits would move. Save as Version… in the Claim Preview panel stores the draft as a new version; the version copied never changes.</source>
        <translation>Линии версии по участку становятся редактируемым слоем проекта: перемещайте, добавляйте и удаляйте вершины инструментом редактирования вершин QGIS, а предварительный расчёт показывает, какие земли и воды перешли бы к другой стороне. Кнопка «Сохранить как версию…» на панели предварительного расчёта сохраняет проект как новую версию; копируемая версия не изменяется.</translation>
    </message>
</context>
<context>
    <name>limes::claim</name>
    <message>
        <source>the turning point at the start of %1</source>
        <translation>поворотной точки в начале участка %1</translation>
    </message>
    <message>
        <source>the turning point at the end of %1</source>
        <translation>поворотной точки в конце участка %1</translation>
    </message>
    <message>
        <source>pillar %1</source>
        <translation>пограничного столба %1</translation>
    </message>
    <message>
        <source>a claim line needs two vertices at least</source>
        <translation>в претензионной линии должно быть не менее двух вершин</translation>
    </message>
    <message>
        <source>the segment has no end turning point or pillar to end a claim on</source>
        <translation>у участка нет концевой поворотной точки или пограничного столба, на которых могла бы заканчиваться претензионная линия</translation>
    </message>
    <message>
        <source>the line begins %1 m from %2, the nearest end point of the segment (at %3): it must begin on one within %4 m</source>
        <translation>линия начинается в %1 м от %2, ближайшей концевой точки участка (%3): она должна начинаться на одной из них с допуском %4 м</translation>
    </message>
    <message>
        <source>the line ends %1 m from %2, the nearest end point of the segment (at %3): it must end on one within %4 m</source>
        <translation>линия заканчивается в %1 м от %2, ближайшей концевой точки участка (%3): она должна заканчиваться на одной из них с допуском %4 м</translation>
    </message>
    <message>
        <source>the line begins and ends on %1: a claim runs from one end of the segment to the other</source>
        <translation>линия начинается и заканчивается у %1: претензионная линия проходит от одного конца участка до другого</translation>
    </message>
    <message>
        <source>there is no segment %1</source>
        <translation>участка %1 нет</translation>
    </message>
    <message>
        <source>there is no party %1</source>
        <translation>стороны %1 нет</translation>
    </message>
</context>
<context>
    <name>limes::WorkspaceLocation</name>
    <message>
        <location filename="../plugin/gui/forms/workspacelocation.cpp" line="+27"/>
        <source>Save a connection in QGIS first: Data Source Manager, PostgreSQL, New</source>
        <translation>Сначала сохраните подключение в QGIS: Менеджер источников данных, PostgreSQL, Создать</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No PostgreSQL connections are saved in QGIS (Data Source Manager, PostgreSQL, New).</source>
        <translation>В QGIS нет сохранённых подключений PostgreSQL (Менеджер источников данных, PostgreSQL, Создать).</translation>
    </message>
</context>
<context>
    <name>limes::SurveyController</name>
    <message>
        <source>Limes: Survey Pillar</source>
        <translation>Limes: съёмка столба</translation>
    </message>
    <message>
        <source>Open a workspace first.</source>
        <translation>Сначала откройте рабочую область.</translation>
    </message>
    <message>
        <source>Click the surveyed position on the map.</source>
        <translation>Щёлкните на карте положение по съёмке.</translation>
    </message>
    <message>
        <source>Click a pillar on the map.</source>
        <translation>Щёлкните столб на карте.</translation>
    </message>
    <message>
        <source>No pillar within a few pixels of the click: click on a pillar.</source>
        <translation>В нескольких пикселях от щелчка нет столба: щёлкните по столбу.</translation>
    </message>
    <message>
        <source>Limes: the workspace cannot be read</source>
        <translation>Limes: не удаётся прочитать рабочую область</translation>
    </message>
    <message>
        <source>Limes: the survey was not recorded</source>
        <translation>Limes: съёмка не внесена</translation>
    </message>
    <message>
        <source>Not recorded: %1</source>
        <translation>Не внесено: %1</translation>
    </message>
    <message>
        <source>Recording a pillar survey</source>
        <translation>Внесение съёмки столба</translation>
    </message>
    <message>
        <source>No signing key was given.</source>
        <translation>Ключ подписи не указан.</translation>
    </message>
    <message>
        <source>Not recorded: no signing key was given.</source>
        <translation>Не внесено: ключ подписи не указан.</translation>
    </message>
    <message>
        <source>Pillar %1 surveyed on %2 (±%3 m): %4 m from its designed position at an azimuth of %5°; entry %6, signed by %7.</source>
        <translation>Столб %1, съёмка %2 (±%3 м): %4 м от проектного положения, азимут %5°; запись %6, подписана: %7.</translation>
    </message>
    <message>
        <source>Limes: the workspace cannot be read again</source>
        <translation>Limes: не удаётся заново прочитать рабочую область</translation>
    </message>
    <message>
        <source>Limes: survey recorded</source>
        <translation>Limes: съёмка внесена</translation>
    </message>
</context>
<context>
    <name>limes::SurveyPillarDialog</name>
    <message>
        <source>Survey Pillar</source>
        <translation>Съёмка столба</translation>
    </message>
    <message>
        <source>Click a pillar on the map.</source>
        <translation>Щёлкните столб на карте.</translation>
    </message>
    <message>
        <source>Pillar</source>
        <translation>Столб</translation>
    </message>
    <message>
        <source>Designed position</source>
        <translation>Проектное положение</translation>
    </message>
    <message>
        <source>Surveyed in</source>
        <translation>СК съёмки</translation>
    </message>
    <message>
        <source>X (easting, longitude)</source>
        <translation>X (восток, долгота)</translation>
    </message>
    <message>
        <source>Y (northing, latitude)</source>
        <translation>Y (север, широта)</translation>
    </message>
    <message>
        <source>Pick on Map</source>
        <translation>Указать на карте</translation>
    </message>
    <message>
        <source>Take the surveyed position from the next click on the map</source>
        <translation>Взять положение по съёмке из следующего щелчка на карте</translation>
    </message>
    <message>
        <source>Surveyed position</source>
        <translation>Положение по съёмке</translation>
    </message>
    <message>
        <source> m</source>
        <translation> м</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Точность</translation>
    </message>
    <message>
        <source>Survey date</source>
        <translation>Дата съёмки</translation>
    </message>
    <message>
        <source>Deviation</source>
        <translation>Отклонение</translation>
    </message>
    <message>
        <source>Recorded</source>
        <translation>Внесено</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Кем</translation>
    </message>
    <message>
        <source>Earlier surveys</source>
        <translation>Прежние съёмки</translation>
    </message>
    <message>
        <source>Save Survey</source>
        <translation>Сохранить съёмку</translation>
    </message>
    <message>
        <source>%1 (segment %2)</source>
        <translation>%1 (участок %2)</translation>
    </message>
    <message>
        <source>entry %1</source>
        <translation>запись %1</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>импортировано</translation>
    </message>
    <message>
        <source>%1 m</source>
        <translation>%1 м</translation>
    </message>
    <message>
        <source>%1 m at %2°</source>
        <translation>%1 м, азимут %2°</translation>
    </message>
    <message>
        <source>not surveyed yet</source>
        <translation>съёмки ещё не было</translation>
    </message>
    <message>
        <source>The clicked position cannot be transformed to %1.</source>
        <translation>Указанное положение не удаётся преобразовать в %1.</translation>
    </message>
    <message>
        <source>Click a pillar on the map first.</source>
        <translation>Сначала щёлкните столб на карте.</translation>
    </message>
    <message>
        <source>Type the surveyed position as two numbers, X and Y, or pick it on the map.</source>
        <translation>Введите положение по съёмке двумя числами, X и Y, или укажите его на карте.</translation>
    </message>
    <message>
        <source>%1 m at an azimuth of %2°</source>
        <translation>%1 м, азимут %2°</translation>
    </message>
    <message>
        <source>%1, working CRS</source>
        <translation>%1, рабочая СК</translation>
    </message>
</context>
<context>
    <name>limes::SplitController</name>
    <message>
        <source>Limes: Split Segment</source>
        <translation>Limes: разделение участка</translation>
    </message>
    <message>
        <source>Open a workspace first.</source>
        <translation>Сначала откройте рабочую область.</translation>
    </message>
    <message>
        <source>Nothing to split there: click a pillar or a vertex of a segment&apos;s line (not its ends).</source>
        <translation>Здесь нечего разделять: щёлкните столб или вершину линии участка (не её концы).</translation>
    </message>
    <message>
        <source>Nothing to split there: click a pillar or a vertex of %1&apos;s line (not its ends).</source>
        <translation>Здесь нечего разделять: щёлкните столб или вершину линии участка %1 (не её концы).</translation>
    </message>
    <message>
        <source>the vertex at %1, %2</source>
        <translation>вершины %1, %2</translation>
    </message>
    <message>
        <source>pillar %1</source>
        <translation>столба %1</translation>
    </message>
    <message>
        <source>Recording a segment split</source>
        <translation>Запись раздела участка</translation>
    </message>
    <message>
        <source>Limes: the segment was not split</source>
        <translation>Limes: участок не разделён</translation>
    </message>
    <message>
        <source>No signing key was given.</source>
        <translation>Ключ подписи не указан.</translation>
    </message>
    <message>
        <source>Limes: the workspace cannot be read again</source>
        <translation>Limes: не удаётся снова прочитать рабочую область</translation>
    </message>
    <message>
        <source>a vertex</source>
        <translation>вершины</translation>
    </message>
    <message>
        <source>Limes: segment split</source>
        <translation>Limes: участок разделён</translation>
    </message>
    <message>
        <source>%1 split at %2 into %3 and %4: entry %5, signed by %6.</source>
        <translation>Участок %1 разделён у %2 на %3 и %4: запись %5, подписана: %6.</translation>
    </message>
</context>
<context>
    <name>limes::SplitSegmentDialog</name>
    <message>
        <source>Split Segment</source>
        <translation>Разделение участка</translation>
    </message>
    <message>
        <source>From the start to the split point</source>
        <translation>От начала до точки раздела</translation>
    </message>
    <message>
        <source>From the split point to the end</source>
        <translation>От точки раздела до конца</translation>
    </message>
    <message>
        <source>The segment&apos;s record stays: the ledger records the split, signed with your key, and both new segments carry its history.</source>
        <translation>Запись об участке сохраняется: журнал фиксирует раздел с вашей подписью, и оба новых участка сохраняют его историю.</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Разделить</translation>
    </message>
    <message>
        <source>Split %1 at %2 into:</source>
        <translation>Разделить участок %1 у %2 на:</translation>
    </message>
</context>
</TS>
