<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ActivitiesModule</name>
    <message numerus="yes">
        <location filename="../../postkit/ui/activities/module.py" line="321"/>
        <source>%n activities</source>
        <translation>
            <numerusform>%n activity</numerusform>
            <numerusform>%n activities</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ActivitiesPage</name>
    <message numerus="yes">
        <location filename="../../postkit/ui/activities/list_page.py" line="92"/>
        <source>Q%n</source>
        <translation>
            <numerusform>Q%n</numerusform>
            <numerusform>Q%n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ActivityCommands</name>
    <message numerus="yes">
        <location filename="../../postkit/ui/activities/commands.py" line="161"/>
        <source>Delete %n activities? You can undo this with Ctrl+Z.</source>
        <translation>
            <numerusform>Delete %n activity? You can undo this with Ctrl+Z.</numerusform>
            <numerusform>Delete %n activities? You can undo this with Ctrl+Z.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../postkit/ui/activities/commands.py" line="164"/>
        <source>Delete %n activities</source>
        <translation>
            <numerusform>Delete %n activity</numerusform>
            <numerusform>Delete %n activities</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../postkit/ui/activities/commands.py" line="214"/>
        <source>Exported %n activities to {0}</source>
        <translation>
            <numerusform>Exported %n activity to {0}</numerusform>
            <numerusform>Exported %n activities to {0}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../postkit/ui/activities/commands.py" line="244"/>
        <source>Imported %n activities from {0}</source>
        <translation>
            <numerusform>Imported %n activity from {0}</numerusform>
            <numerusform>Imported %n activities from {0}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ActivityImportDialog</name>
    <message numerus="yes">
        <location filename="../../postkit/ui/activities/import_dialog.py" line="250"/>
        <source>&amp;Errors (%n)</source>
        <translation>
            <numerusform>&amp;Errors (%n)</numerusform>
            <numerusform>&amp;Errors (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../postkit/ui/activities/import_dialog.py" line="251"/>
        <source>&amp;Unknown values (%n)</source>
        <translation>
            <numerusform>&amp;Unknown value (%n)</numerusform>
            <numerusform>&amp;Unknown values (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DecisionPanel</name>
    <message numerus="yes">
        <location filename="../../postkit/ui/screening/decision_panel.py" line="439"/>
        <source>&lt;b&gt;Incomplete — %n open steps of the checklist:&lt;/b&gt; {0}.</source>
        <translation>
            <numerusform>&lt;b&gt;Incomplete — %n open step of the checklist:&lt;/b&gt; {0}.</numerusform>
            <numerusform>&lt;b&gt;Incomplete — %n open steps of the checklist:&lt;/b&gt; {0}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FollowUpsModule</name>
    <message numerus="yes">
        <location filename="../../postkit/ui/followups/module.py" line="57"/>
        <source>%n follow-up(s) due this week</source>
        <translation>
            <numerusform>%n follow-up due this week</numerusform>
            <numerusform>%n follow-ups due this week</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FollowUpsPage</name>
    <message numerus="yes">
        <location filename="../../postkit/ui/followups/page.py" line="150"/>
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../postkit/ui/followups/page.py" line="152"/>
        <source>%n open in this list</source>
        <translation>
            <numerusform>%n open in this list</numerusform>
            <numerusform>%n open in this list</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HeadquartersPage</name>
    <message numerus="yes">
        <location filename="../../postkit/ui/hq/page.py" line="460"/>
        <source>{title} ({form_id}, version {version}): %n file(s)</source>
        <translation>
            <numerusform>{title} ({form_id}, version {version}): %n file</numerusform>
            <numerusform>{title} ({form_id}, version {version}): %n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../postkit/ui/hq/page.py" line="505"/>
        <source>Exports of other surveys stay on the list: %n file(s).</source>
        <translation>
            <numerusform>Exports of other surveys stay on the list: %n file.</numerusform>
            <numerusform>Exports of other surveys stay on the list: %n files.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message numerus="yes">
        <location filename="../../postkit/ui/passphrase_dialog.py" line="153"/>
        <source>The new passphrase needs at least %n characters.</source>
        <translation>
            <numerusform>The new passphrase needs at least %n character.</numerusform>
            <numerusform>The new passphrase needs at least %n characters.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PostsView</name>
    <message numerus="yes">
        <location filename="../../postkit/ui/hq/summary_view.py" line="205"/>
        <source>&lt;b&gt;%n of {0} expected posts have no response counted&lt;/b&gt; (listed in red below).</source>
        <translation>
            <numerusform>&lt;b&gt;%n of {0} expected posts has no response counted&lt;/b&gt; (listed in red below).</numerusform>
            <numerusform>&lt;b&gt;%n of {0} expected posts have no response counted&lt;/b&gt; (listed in red below).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReceiptCommands</name>
    <message numerus="yes">
        <location filename="../../postkit/ui/hq/receipt_commands.py" line="42"/>
        <source>%n receipts written to {0}</source>
        <translation>
            <numerusform>%n receipt written to {0}</numerusform>
            <numerusform>%n receipts written to {0}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SanctionsPanel</name>
    <message numerus="yes">
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="488"/>
        <source>&lt;b&gt;{list}&lt;/b&gt; {file} (of {date}, %Ln entries)</source>
        <translation>
            <numerusform>&lt;b&gt;{list}&lt;/b&gt; {file} (of {date}, %Ln entry)</numerusform>
            <numerusform>&lt;b&gt;{list}&lt;/b&gt; {file} (of {date}, %Ln entries)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="504"/>
        <source>{list} of {date} (%n days old)</source>
        <translation>
            <numerusform>{list} of {date} (%n day old)</numerusform>
            <numerusform>{list} of {date} (%n days old)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="511"/>
        <source>Older than %n days: {0}. Import the newest version before relying on a screening.</source>
        <translation>
            <numerusform>Older than %n day: {0}. Import the newest version before relying on a screening.</numerusform>
            <numerusform>Older than %n days: {0}. Import the newest version before relying on a screening.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="537"/>
        <source>A newer sanctions list found %n new candidates after the decision. The decision stands; reopen the request to judge them.</source>
        <translation>
            <numerusform>A newer sanctions list found %n new candidate after the decision. The decision stands; reopen the request to judge it.</numerusform>
            <numerusform>A newer sanctions list found %n new candidates after the decision. The decision stands; reopen the request to judge them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="546"/>
        <source>Confirmed as a sanctions match: %n candidates.</source>
        <translation>
            <numerusform>Confirmed as a sanctions match: %n candidate.</numerusform>
            <numerusform>Confirmed as a sanctions match: %n candidates.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="555"/>
        <source>%n candidates to judge, {0} of them new from the newer sanctions list. Candidates judged before are not asked again.</source>
        <translation>
            <numerusform>%n candidate to judge ({0} new, from the newer sanctions list). Candidates judged before are not asked again.</numerusform>
            <numerusform>%n candidates to judge, {0} of them new from the newer sanctions list. Candidates judged before are not asked again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="565"/>
        <source>%n candidates to judge. Confirm or dismiss each before deciding.</source>
        <translation>
            <numerusform>%n candidate to judge. Confirm or dismiss it before deciding.</numerusform>
            <numerusform>%n candidates to judge. Confirm or dismiss each before deciding.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ScreeningPage</name>
    <message numerus="yes">
        <location filename="../../postkit/ui/screening/page.py" line="486"/>
        <source>Imported %n ratings from {0}.</source>
        <translation>
            <numerusform>Imported %n rating from {0}.</numerusform>
            <numerusform>Imported %n ratings from {0}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../postkit/ui/screening/page.py" line="509"/>
        <source>Screened {0}: %n candidates found.</source>
        <translation>
            <numerusform>Screened {0}: %n candidate found.</numerusform>
            <numerusform>Screened {0}: %n candidates found.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../postkit/ui/screening/page.py" line="742"/>
        <source>%n candidate(s) confirmed as a match</source>
        <translation>
            <numerusform>%n candidate confirmed as a match</numerusform>
            <numerusform>%n candidates confirmed as a match</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../postkit/ui/screening/page.py" line="744"/>
        <source>%n candidate(s) still to judge</source>
        <translation>
            <numerusform>%n candidate still to judge</numerusform>
            <numerusform>%n candidates still to judge</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../postkit/ui/screening/page.py" line="746"/>
        <source>%n candidate(s) dismissed</source>
        <translation>
            <numerusform>%n candidate dismissed</numerusform>
            <numerusform>%n candidates dismissed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../postkit/ui/screening/page.py" line="832"/>
        <source>{list}: {file} · {date} · %n entries</source>
        <translation>
            <numerusform>{list}: {file} · {date} · %n entry</numerusform>
            <numerusform>{list}: {file} · {date} · %n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../postkit/ui/screening/page.py" line="839"/>
        <source>%n days old</source>
        <translation>
            <numerusform>%n day old</numerusform>
            <numerusform>%n days old</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SurveysPage</name>
    <message numerus="yes">
        <location filename="../../postkit/ui/surveys/page.py" line="780"/>
        <source>Exported %n response(s) to {0}</source>
        <translation>
            <numerusform>Exported %n response to {0}</numerusform>
            <numerusform>Exported %n responses to {0}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../postkit/ui/surveys/page.py" line="803"/>
        <source>The export holds %n submitted response(s) to “{title}”, version {version}, as responses of {post}.</source>
        <translation>
            <numerusform>The export holds %n submitted response to “{title}”, version {version}, as a response of {post}.</numerusform>
            <numerusform>The export holds %n submitted responses to “{title}”, version {version}, as responses of {post}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../postkit/ui/surveys/page.py" line="838"/>
        <source>• %n draft(s), not submitted yet: {0}</source>
        <translation>
            <numerusform>• %n draft, not submitted yet: {0}</numerusform>
            <numerusform>• %n drafts, not submitted yet: {0}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../postkit/ui/surveys/page.py" line="845"/>
        <source>• %n response(s) to version {0} of the form: select that version to export them</source>
        <translation>
            <numerusform>• %n response to version {0} of the form: select that version to export it</numerusform>
            <numerusform>• %n responses to version {0} of the form: select that version to export them</numerusform>
        </translation>
    </message>
</context>
</TS>
