<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ArticleListPanel</name>
    <message numerus="yes">
        <source>%n article(s) match</source>
        <translation>
            <numerusform>%n article matches</numerusform>
            <numerusform>%n articles match</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n article(s) in the project</source>
        <translation>
            <numerusform>%n article in the project</numerusform>
            <numerusform>%n articles in the project</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportReportBox</name>
    <message numerus="yes">
        <source>%n article(s)</source>
        <translation>
            <numerusform>%n article</numerusform>
            <numerusform>%n articles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n sentence(s)</source>
        <translation>
            <numerusform>%n sentence</numerusform>
            <numerusform>%n sentences</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n article(s) already in the project were left out.</source>
        <translation>
            <numerusform>%n article already in the project was left out.</numerusform>
            <numerusform>%n articles already in the project were left out.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be imported:</source>
        <translation>
            <numerusform>%n file could not be imported:</numerusform>
            <numerusform>%n files could not be imported:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>… and %n more (see the details).</source>
        <translation>
            <numerusform>… and %n more (see the details).</numerusform>
            <numerusform>… and %n more (see the details).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) in the folders were left out: links that lead outside the folder or nowhere are never followed.</source>
        <translation>
            <numerusform>%n item in the folders was left out: links that lead outside the folder or nowhere are never followed.</numerusform>
            <numerusform>%n items in the folders were left out: links that lead outside the folder or nowhere are never followed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotesView</name>
    <message numerus="yes">
        <source>%n note(s)</source>
        <translation>
            <numerusform>%n note</numerusform>
            <numerusform>%n notes</numerusform>
        </translation>
    </message>
</context>
</TS>
