<?xml version="1.0" encoding="utf-8"?>
<!-- SPDX-License-Identifier: GPL-2.0-or-later -->
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>limes::ImportVersionDialog</name>
    <message numerus="yes">
        <location filename="../plugin/gui/forms/importversiondialog.cpp" line="+144"/>
        <source>%n of %1 features selected</source>
        <translation>
            <numerusform>%n of %1 feature selected</numerusform>
            <numerusform>%n of %1 features selected</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n features, none selected</source>
        <translation>
            <numerusform>%n feature, none selected</numerusform>
            <numerusform>%n features, none selected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>limes::ValidateDock</name>
    <message numerus="yes">
        <location filename="../plugin/gui/workspace/validatedock.cpp" line="+382"/>
        <source>%1 — %n finding(s), %2 accepted</source>
        <translation>
            <numerusform>%1 — %n finding, %2 accepted</numerusform>
            <numerusform>%1 — %n findings, %2 accepted</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%1 — %n finding(s)</source>
        <translation>
            <numerusform>%1 — %n finding</numerusform>
            <numerusform>%1 — %n findings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%1: %n finding(s), %2 accepted, %3 error(s) standing; %4 rule(s) run.</source>
        <translation>
            <numerusform>%1: %n finding, %2 accepted, %3 error(s) standing; %4 rule(s) run.</numerusform>
            <numerusform>%1: %n findings, %2 accepted, %3 error(s) standing; %4 rule(s) run.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>limes::VersionsController</name>
    <message numerus="yes">
        <location filename="../plugin/gui/workspace/versionscontroller.cpp" line="+116"/>
        <source>Imported version %1 (%2, %n lines).</source>
        <translation>
            <numerusform>Imported version %1 (%2, %n line).</numerusform>
            <numerusform>Imported version %1 (%2, %n lines).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>limes::ClaimController</name>
    <message numerus="yes">
        <source>Updated in %1 ms (%n window(s) computed again).</source>
        <translation>
            <numerusform>Updated in %1 ms (%n window computed again).</numerusform>
            <numerusform>Updated in %1 ms (%n windows computed again).</numerusform>
        </translation>
    </message>
</context>
</TS>
