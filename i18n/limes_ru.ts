<?xml version="1.0" encoding="utf-8"?>
<!-- SPDX-License-Identifier: GPL-2.0-or-later -->
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>LimesAboutDialog</name>
    <message>
        <location filename="../ui/aboutdialog.ui" line="+10"/>
        <source>About Limes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&lt;h3&gt;Limes&lt;/h3&gt;&lt;p&gt;Boundary commission tools: disputed segments, the agreement ledger, land and water that change sides between two versions of a line, validation of delimitation and demarcation geometry, and segment change reports.&lt;/p&gt;&lt;p&gt;Both delegations get the same numbers only from the same data and the same library versions:&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LimesNewWorkspaceDialog</name>
    <message>
        <location filename="../ui/newworkspacedialog.ui" line="+10"/>
        <source>New Commission Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Where</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New GeoPackage file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>PostgreSQL connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Parties</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Add Party</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Remove Party</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>From layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Code field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The order comes from a field &quot;seq&quot; where the layer has one, chainage and end points from &quot;chainage_from_m&quot;, &quot;chainage_to_m&quot;, &quot;from_point&quot; and &quot;to_point&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LimesOpenWorkspaceDialog</name>
    <message>
        <location filename="../ui/openworkspacedialog.ui" line="+10"/>
        <source>Open Commission Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>GeoPackage file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>PostgreSQL connection saved in QGIS</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>limes::AboutDialog</name>
    <message>
        <location filename="../plugin/gui/forms/aboutdialog.cpp" line="+18"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>limes::LayerStyles</name>
    <message>
        <location filename="../plugin/gui/workspace/layerstyles.cpp" line="+59"/>
        <source>agreed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>disputed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>deferred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>referred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no decision yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+99"/>
        <source>%1 km²</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 ha</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>limes::NewWorkspaceDialog</name>
    <message>
        <location filename="../plugin/gui/forms/newworkspacedialog.cpp" line="+26"/>
        <source>Create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Limes workspace (*.gpkg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+116"/>
        <source>Choose a saved PostgreSQL connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the new GeoPackage file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 exists already: a workspace is never overwritten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A commission has at least two parties.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Party %1 needs a code and a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Party code %1 is given twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose the field of %1 that holds the segment codes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A segment of %1 has no code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Segment code %1 is given twice in %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>limes::OpenWorkspaceDialog</name>
    <message>
        <location filename="../plugin/gui/forms/openworkspacedialog.cpp" line="+16"/>
        <source>Limes workspace (*.gpkg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open Commission Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No PostgreSQL connections saved in QGIS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Choose a saved PostgreSQL connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the workspace&apos;s GeoPackage file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>There is no file %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>limes::PluginUi</name>
    <message>
        <location filename="../plugin/gui/pluginui.cpp" line="+85"/>
        <source>&amp;Limes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+87"/>
        <source>Limes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-83"/>
        <source>Open Workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a commission workspace: a GeoPackage file or a PostgreSQL connection saved in QGIS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New Workspace…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create a commission workspace with its parties and segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Close Workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the workspace and remove its layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The workspace&apos;s segments, their status and ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Boundary Change…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Land, water and other resources that change sides between two versions of a boundary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>About Limes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Limes version, the library versions its numbers come from, and the sample data&apos;s provenance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+49"/>
        <source>%1 cannot be opened: it no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Limes: cannot open the workspace</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Limes: cannot create the workspace</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>limes::RecentWorkspaces</name>
    <message>
        <location filename="../plugin/gui/workspace/connections.cpp" line="+117"/>
        <source>PostgreSQL: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>limes::SegmentDetail</name>
    <message>
        <location filename="../plugin/gui/workspace/segmentdetail.cpp" line="+24"/>
        <source>#%1 · protocol %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source> — version %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source> (corrects #%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source> — superseded by #%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source> — signed by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>recorded by %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Select a segment to see its ledger, claims and pillars.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ledger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No decision recorded yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Claims</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>party not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No claim lines for this segment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pillars</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No pillars assigned to this segment.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>limes::SegmentsDock</name>
    <message>
        <location filename="../plugin/gui/workspace/segmentsdock.cpp" line="+28"/>
        <location line="+78"/>
        <source>Limes Segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-68"/>
        <source>Filter segments…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record Decision…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No workspace is open. Open one from the Limes menu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Limes Segments — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Limes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No version&apos;s lines name segment %1: there is nothing to show on the map.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>limes::SegmentsModel</name>
    <message>
        <location filename="../plugin/gui/workspace/segmentsmodel.cpp" line="+99"/>
        <source>Recorded at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Segment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Agreed version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Length (km)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>limes::WorkspaceLayers</name>
    <message>
        <location filename="../plugin/gui/workspace/workspacelayers.cpp" line="+62"/>
        <source>Limes — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+49"/>
        <source>Segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Pillars</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
