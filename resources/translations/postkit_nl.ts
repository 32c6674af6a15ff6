<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl" sourcelanguage="en">
<context>
    <name>AcknowledgeInput</name>
    <message>
        <location filename="../../postkit/ui/surveys/inputs.py" line="570"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <location filename="../../postkit/ui/activities/module.py" line="127"/>
        <source>&amp;New activity…</source>
        <translation>&amp;Nieuwe activiteit…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/module.py" line="128"/>
        <source>Log a new activity</source>
        <translation>Een nieuwe activiteit vastleggen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/module.py" line="150"/>
        <source>&amp;Import from Excel…</source>
        <translation>&amp;Importeren uit Excel…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/module.py" line="151"/>
        <source>Bring in an activity list kept in Excel, or a postkit export</source>
        <translation>Een activiteitenlijst uit Excel of een postkit-export binnenhalen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/module.py" line="187"/>
        <source>&amp;Edit activity…</source>
        <translation>Activiteit &amp;bewerken…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/module.py" line="188"/>
        <source>Edit the selected activity</source>
        <translation>De geselecteerde activiteit bewerken</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/module.py" line="200"/>
        <source>Copy the selected activity as a new one</source>
        <translation>De geselecteerde activiteit kopiëren als nieuwe</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/module.py" line="210"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Verwijderen…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/module.py" line="211"/>
        <source>Delete the selected activities</source>
        <translation>De geselecteerde activiteiten verwijderen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/module.py" line="138"/>
        <source>&amp;Export list to Excel…</source>
        <translation>Lijst exporteren naar &amp;Excel…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/module.py" line="139"/>
        <source>Export the activities shown to an .xlsx file</source>
        <translation>De getoonde activiteiten exporteren naar een .xlsx-bestand</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/module.py" line="163"/>
        <source>Annual &amp;report (PDF)…</source>
        <translation>&amp;Jaarverslag (PDF)…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/module.py" line="164"/>
        <source>Write the annual report of a year as PDF</source>
        <translation>Het jaarverslag van een jaar als PDF opslaan</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/module.py" line="199"/>
        <source>Dup&amp;licate activity</source>
        <translation>Activiteit &amp;dupliceren</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/module.py" line="221"/>
        <source>&amp;Search</source>
        <translation>&amp;Zoeken</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/module.py" line="222"/>
        <source>Search the activities</source>
        <translation>In de activiteiten zoeken</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/module.py" line="238"/>
        <source>&amp;Clear filters</source>
        <translation>&amp;Filters wissen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/module.py" line="239"/>
        <source>Show all activities</source>
        <translation>Alle activiteiten tonen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/module.py" line="33"/>
        <source>&amp;Activities</source>
        <translation>&amp;Activiteiten</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/module.py" line="34"/>
        <source>The activity log</source>
        <translation>Het activiteitenlogboek</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/module.py" line="334"/>
        <source>&amp;Dashboard</source>
        <translation>&amp;Dashboard</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/module.py" line="335"/>
        <source>The post&apos;s year at a glance</source>
        <translation>Het jaar van de post in één oogopslag</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/post_commands.py" line="26"/>
        <source>&amp;Post profile…</source>
        <translation>&amp;Postprofiel…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/post_commands.py" line="27"/>
        <source>The post, its countries and your name</source>
        <translation>De post, de landen en uw naam</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/post_commands.py" line="100"/>
        <source>Pre&amp;ferences…</source>
        <translation>&amp;Voorkeuren…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/post_commands.py" line="132"/>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/post_commands.py" line="133"/>
        <source>Close postkit</source>
        <translation>postkit afsluiten</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/post_commands.py" line="175"/>
        <source>&amp;About postkit</source>
        <translation>&amp;Over postkit</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/post_commands.py" line="176"/>
        <source>Version and purpose</source>
        <translation>Versie en doel</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/post_commands.py" line="101"/>
        <source>The interface language</source>
        <translation>De taal van de gebruikersinterface</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/database_commands.py" line="43"/>
        <source>&amp;Back up now</source>
        <translation>Nu &amp;back-up maken</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/database_commands.py" line="44"/>
        <source>Write a backup copy of the post&apos;s database</source>
        <translation>Een back-up van de database van de post maken</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/database_commands.py" line="78"/>
        <source>Re&amp;store from backup…</source>
        <translation>&amp;Herstellen uit back-up…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/database_commands.py" line="79"/>
        <source>Replace the database by a backup (the current one is kept)</source>
        <translation>De database vervangen door een back-up (de huidige blijft bewaard)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/database_commands.py" line="122"/>
        <source>Protect with &amp;a passphrase…</source>
        <translation>Beveiligen met een &amp;wachtzin…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/post_commands.py" line="158"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Sneltoetsen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/post_commands.py" line="159"/>
        <source>The keys for common actions</source>
        <translation>De toetsen voor veelgebruikte handelingen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/post_commands.py" line="144"/>
        <source>&amp;User guide</source>
        <translation>&amp;Handleiding</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/post_commands.py" line="145"/>
        <source>A short guide to postkit&apos;s tasks</source>
        <translation>Een korte handleiding bij de taken van postkit</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/module.py" line="24"/>
        <source>&amp;IMVO conditions</source>
        <translation>&amp;IMVO-voorwaarden</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/module.py" line="25"/>
        <source>Screening of companies&apos; requests for support</source>
        <translation>Toetsing van steunverzoeken van bedrijven</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/module.py" line="51"/>
        <source>New support &amp;request…</source>
        <translation>Nieuw steun&amp;verzoek…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/module.py" line="52"/>
        <source>Record a company&apos;s request for support</source>
        <translation>Een steunverzoek van een bedrijf vastleggen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/module.py" line="62"/>
        <source>&amp;Edit request…</source>
        <translation>Verzoek &amp;bewerken…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/module.py" line="63"/>
        <source>Edit the company and support data of the request</source>
        <translation>De bedrijfs- en steungegevens van het verzoek bewerken</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/module.py" line="73"/>
        <source>Screen against the &amp;sanctions list</source>
        <translation>Aan de &amp;sanctielijst toetsen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/module.py" line="74"/>
        <source>Match the company and its directors against the list</source>
        <translation>Het bedrijf en zijn bestuurders vergelijken met de lijst</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/module.py" line="84"/>
        <source>&amp;Print decision record (PDF)…</source>
        <translation>Besluitverslag af&amp;drukken (PDF)…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/module.py" line="85"/>
        <source>Write the request&apos;s decision record as PDF</source>
        <translation>Het besluitverslag van het verzoek als PDF opslaan</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/module.py" line="95"/>
        <source>Import sanctions &amp;list…</source>
        <translation>Sanctielijst &amp;importeren…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/module.py" line="96"/>
        <source>Import a sanctions list (targets.simple.csv)</source>
        <translation>Een sanctielijst importeren (targets.simple.csv)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/module.py" line="107"/>
        <source>Import risk &amp;table…</source>
        <translation>&amp;Risicotabel importeren…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/module.py" line="108"/>
        <source>Import a country or sector risk table</source>
        <translation>Een risicotabel voor landen of sectoren importeren</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/module.py" line="25"/>
        <source>&amp;Good practices</source>
        <translation>&amp;Goede voorbeelden</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/module.py" line="26"/>
        <source>The library of good practices</source>
        <translation>De bibliotheek met goede voorbeelden</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/module.py" line="75"/>
        <source>New &amp;good practice…</source>
        <translation>Nieuw &amp;goed voorbeeld…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/module.py" line="76"/>
        <source>Write up a good practice</source>
        <translation>Een goed voorbeeld beschrijven</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/module.py" line="86"/>
        <source>&amp;Promote to good practice…</source>
        <translation>&amp;Tot goed voorbeeld maken…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/module.py" line="87"/>
        <source>Make a good practice of the selected activity</source>
        <translation>Van de geselecteerde activiteit een goed voorbeeld maken</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/module.py" line="99"/>
        <source>&amp;Import good practices…</source>
        <translation>Goede voorbeelden &amp;importeren…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/module.py" line="100"/>
        <source>Import .postkit files from other posts</source>
        <translation>.postkit-bestanden van andere posten importeren</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/module.py" line="111"/>
        <source>E&amp;xport good practices…</source>
        <translation>Goede voorbeelden e&amp;xporteren…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/module.py" line="112"/>
        <source>Export practices to a .postkit file to share</source>
        <translation>Voorbeelden exporteren naar een .postkit-bestand om te delen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/module.py" line="122"/>
        <source>PDF &amp;booklet…</source>
        <translation>PDF-&amp;boekje…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/module.py" line="123"/>
        <source>A booklet of the practices shown, to hand out</source>
        <translation>Een boekje met de getoonde voorbeelden, om uit te delen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/module.py" line="133"/>
        <source>Pre&amp;sent (trainer mode)</source>
        <translation>&amp;Presenteren (trainersmodus)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/module.py" line="134"/>
        <source>Show the practices full screen, one per page</source>
        <translation>De voorbeelden schermvullend tonen, één per pagina</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/module.py" line="24"/>
        <source>&amp;Surveys</source>
        <translation>&amp;Enquêtes</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/module.py" line="25"/>
        <source>The evaluation survey and other surveys</source>
        <translation>De evaluatie-enquête en andere enquêtes</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/module.py" line="52"/>
        <source>Start a survey &amp;response…</source>
        <translation>&amp;Nieuwe inzending…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/module.py" line="53"/>
        <source>Answer the selected survey</source>
        <translation>De geselecteerde enquête invullen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/module.py" line="63"/>
        <source>&amp;Continue survey draft</source>
        <translation>&amp;Concept voortzetten</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/module.py" line="64"/>
        <source>Go on with a response that was not submitted yet</source>
        <translation>Verdergaan met een inzending die nog niet is verzonden</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/module.py" line="74"/>
        <source>Import a survey (&amp;XLSForm)…</source>
        <translation>Enquête &amp;importeren (XLSForm)…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/module.py" line="75"/>
        <source>Add a survey designed as an XLSForm workbook</source>
        <translation>Een enquête toevoegen die als XLSForm-werkmap is opgezet</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/module.py" line="86"/>
        <source>Export survey r&amp;esponses…</source>
        <translation>Inzendingen e&amp;xporteren…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/module.py" line="87"/>
        <source>Export the post&apos;s responses for headquarters</source>
        <translation>De inzendingen van de post exporteren voor het departement</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/module.py" line="97"/>
        <source>Import a rece&amp;ipt…</source>
        <translation>Een &amp;ontvangstbevestiging importeren…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/database_commands.py" line="123"/>
        <source>Encrypt the post&apos;s database, its backups and its attached files</source>
        <translation>De database van de post, de back-ups en de bijgevoegde bestanden versleutelen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/database_commands.py" line="166"/>
        <source>&amp;Change passphrase…</source>
        <translation>Wachtzin wij&amp;zigen…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/database_commands.py" line="167"/>
        <source>Re-key the database and its backups with a new passphrase</source>
        <translation>De database en de back-ups opnieuw versleutelen met een nieuwe wachtzin</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/post_commands.py" line="54"/>
        <source>&amp;Users…</source>
        <translation>&amp;Gebruikers…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/post_commands.py" line="55"/>
        <source>The people at the post who use postkit</source>
        <translation>De medewerkers van de post die postkit gebruiken</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/post_commands.py" line="68"/>
        <source>S&amp;witch user…</source>
        <translation>Gebruiker wi&amp;sselen…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/post_commands.py" line="69"/>
        <source>Let another person at the post work under their own name</source>
        <translation>Een andere medewerker van de post onder de eigen naam laten werken</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/module.py" line="98"/>
        <source>Import headquarters&apos; receipt of the exports the post sent</source>
        <translation>De ontvangstbevestiging van het departement voor de verzonden exports importeren</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/module.py" line="23"/>
        <source>&amp;Headquarters</source>
        <translation>De&amp;partement</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/module.py" line="24"/>
        <source>Aggregate the survey exports of the posts</source>
        <translation>De enquête-exports van de posten samenvoegen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/module.py" line="69"/>
        <source>Add export &amp;files…</source>
        <translation>Export&amp;bestanden toevoegen…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/module.py" line="70"/>
        <source>Add post export files to aggregate</source>
        <translation>Exportbestanden van posten toevoegen om samen te voegen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/module.py" line="81"/>
        <source>Add a f&amp;older of exports…</source>
        <translation>Een &amp;map met exports toevoegen…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/module.py" line="82"/>
        <source>Add every export file in a folder</source>
        <translation>Alle exportbestanden in een map toevoegen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/module.py" line="93"/>
        <source>&amp;Aggregate</source>
        <translation>&amp;Samenvoegen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/module.py" line="94"/>
        <source>Check and store the listed exports and build the summary</source>
        <translation>De gekozen exports controleren, opslaan en het overzicht maken</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/module.py" line="105"/>
        <source>Save &amp;summary (.xlsx)…</source>
        <translation>&amp;Overzicht opslaan (.xlsx)…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/module.py" line="106"/>
        <source>Write the summary workbook</source>
        <translation>Het overzicht als werkmap opslaan</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/module.py" line="118"/>
        <source>Save &amp;report (PDF)…</source>
        <translation>&amp;Rapport opslaan (PDF)…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/module.py" line="119"/>
        <source>Write the report with charts</source>
        <translation>Het rapport met grafieken opslaan</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/module.py" line="130"/>
        <source>Rea&amp;d annual returns…</source>
        <translation>&amp;Jaaropgaven inlezen…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/module.py" line="131"/>
        <source>Check and hold every annual return (.xlsx) in a folder</source>
        <translation>Elke jaaropgave (.xlsx) in een map controleren en bewaren</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/module.py" line="143"/>
        <source>Save network &amp;tables (.xlsx)…</source>
        <translation>Netwerk&amp;tabellen opslaan (.xlsx)…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/module.py" line="144"/>
        <source>Write the network picture&apos;s tables as a workbook</source>
        <translation>De tabellen van het netwerkbeeld als werkmap opslaan</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/module.py" line="155"/>
        <source>Save net&amp;work report (PDF)…</source>
        <translation>Net&amp;werkrapport opslaan (PDF)…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/module.py" line="156"/>
        <source>Write the network report with charts</source>
        <translation>Het netwerkrapport met grafieken opslaan</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/module.py" line="167"/>
        <source>Write re&amp;ceipts…</source>
        <translation>Ont&amp;vangstbevestigingen schrijven…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/module.py" line="168"/>
        <source>Write a receipt file for each post whose files arrived</source>
        <translation>Een ontvangstbevestiging schrijven voor elke post waarvan bestanden binnenkwamen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/module.py" line="108"/>
        <source>Import headquarters&apos; receipt &amp;key…</source>
        <translation>Ontvangst&amp;sleutel van het departement importeren…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/module.py" line="109"/>
        <source>Store the key that shows a receipt really comes from headquarters</source>
        <translation>De sleutel opslaan waarmee blijkt dat een ontvangstbevestiging echt van het departement komt</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/module.py" line="178"/>
        <source>Export the receipt &amp;key…</source>
        <translation>Ontvangstsleutel e&amp;xporteren…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/module.py" line="179"/>
        <source>Write the public key the posts check headquarters&apos; receipts with</source>
        <translation>De publieke sleutel opslaan waarmee de posten de ontvangstbevestigingen van het departement controleren</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/followups/module.py" line="27"/>
        <source>&amp;Follow-up</source>
        <translation>&amp;Opvolging</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/followups/module.py" line="28"/>
        <source>Conditions and actions that fall due, and what is overdue</source>
        <translation>Voorwaarden en acties die binnenkort vervallen, en wat te laat is</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/followups/module.py" line="94"/>
        <source>&amp;Met</source>
        <translation>&amp;Nagekomen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/followups/module.py" line="95"/>
        <source>The selected follow-up was met</source>
        <translation>De gekozen opvolging is nagekomen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/followups/module.py" line="105"/>
        <source>&amp;Not met…</source>
        <translation>Niet na&amp;gekomen…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/followups/module.py" line="106"/>
        <source>The selected follow-up was not met: record it and plan the next step</source>
        <translation>De gekozen opvolging is niet nagekomen: leg dat vast en plan de volgende stap</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/followups/module.py" line="118"/>
        <source>&amp;Drop…</source>
        <translation>&amp;Schrappen…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/followups/module.py" line="119"/>
        <source>Drop the selected follow-up, with a reason</source>
        <translation>De gekozen opvolging schrappen, met een reden</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/module.py" line="35"/>
        <source>&amp;Companies</source>
        <translation>&amp;Bedrijven</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/module.py" line="36"/>
        <source>The register of companies and organisations</source>
        <translation>Het register van bedrijven en organisaties</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/module.py" line="68"/>
        <source>&amp;New company…</source>
        <translation>&amp;Nieuw bedrijf…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/module.py" line="69"/>
        <source>Add a company or organisation to the register</source>
        <translation>Een bedrijf of organisatie aan het register toevoegen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/module.py" line="79"/>
        <source>&amp;Edit company…</source>
        <translation>Bedrijf &amp;bewerken…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/module.py" line="80"/>
        <source>Edit the selected company and its contact persons</source>
        <translation>Het geselecteerde bedrijf en zijn contactpersonen bewerken</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/module.py" line="90"/>
        <source>&amp;Merge two records…</source>
        <translation>Twee records &amp;samenvoegen…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/module.py" line="91"/>
        <source>Merge the two selected records of one company (undoable)</source>
        <translation>De twee geselecteerde records van één bedrijf samenvoegen (ongedaan te maken)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/module.py" line="102"/>
        <source>Find &amp;duplicates…</source>
        <translation>&amp;Dubbele records zoeken…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/module.py" line="103"/>
        <source>List the records that look like one company (same KvK number or name)</source>
        <translation>De records tonen die hetzelfde bedrijf lijken (zelfde KvK-nummer of naam)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/module.py" line="174"/>
        <source>Write annual re&amp;turn…</source>
        <translation>Jaar&amp;rapportage schrijven…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/module.py" line="175"/>
        <source>Write the year&apos;s figures and narrative for headquarters as an .xlsx file</source>
        <translation>De cijfers en toelichting van het jaar voor het departement als .xlsx-bestand schrijven</translation>
    </message>
</context>
<context>
    <name>ActivitiesModule</name>
    <message numerus="yes">
        <location filename="../../postkit/ui/activities/module.py" line="321"/>
        <source>%n activities</source>
        <translation>
            <numerusform>%n activiteit</numerusform>
            <numerusform>%n activiteiten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/module.py" line="323"/>
        <source>{shown} of {total} activities</source>
        <translation>{shown} van {total} activiteiten</translation>
    </message>
</context>
<context>
    <name>ActivitiesPage</name>
    <message>
        <location filename="../../postkit/ui/activities/list_page.py" line="143"/>
        <source>Loading activities…</source>
        <translation>Activiteiten laden…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/list_page.py" line="145"/>
        <source>Loading activities</source>
        <translation>Activiteiten laden</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/list_page.py" line="81"/>
        <source>Search title, description and partners</source>
        <translation>Zoeken in titel, omschrijving en partners</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/list_page.py" line="83"/>
        <source>Search activities</source>
        <translation>Activiteiten zoeken</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/list_page.py" line="84"/>
        <source>All core tasks</source>
        <translation>Alle kerntaken</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/list_page.py" line="84"/>
        <source>Core task filter</source>
        <translation>Filter op kerntaak</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/list_page.py" line="89"/>
        <source>All years</source>
        <translation>Alle jaren</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/list_page.py" line="89"/>
        <source>Year filter</source>
        <translation>Filter op jaar</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/list_page.py" line="90"/>
        <source>Whole year</source>
        <translation>Hele jaar</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/list_page.py" line="90"/>
        <source>Quarter filter</source>
        <translation>Filter op kwartaal</translation>
    </message>
    <message numerus="yes">
        <location filename="../../postkit/ui/activities/list_page.py" line="92"/>
        <source>Q%n</source>
        <translation>
            <numerusform>Q%n</numerusform>
            <numerusform>Q%n</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/list_page.py" line="94"/>
        <source>All types</source>
        <translation>Alle soorten</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/list_page.py" line="94"/>
        <source>Type filter</source>
        <translation>Filter op soort</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/list_page.py" line="95"/>
        <source>All sectors</source>
        <translation>Alle sectoren</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/list_page.py" line="95"/>
        <source>Sector filter</source>
        <translation>Filter op sector</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/list_page.py" line="96"/>
        <source>All themes</source>
        <translation>Alle thema&apos;s</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/list_page.py" line="96"/>
        <source>Theme filter</source>
        <translation>Filter op thema</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/list_page.py" line="97"/>
        <source>Any status</source>
        <translation>Elke status</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/list_page.py" line="97"/>
        <source>Status filter</source>
        <translation>Statusfilter</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/list_page.py" line="123"/>
        <source>Activities</source>
        <translation>Activiteiten</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/list_page.py" line="304"/>
        <source>&lt;h3&gt;No activities yet&lt;/h3&gt;&lt;p&gt;Log what the post does for IMVO with &lt;b&gt;New activity&lt;/b&gt; (Ctrl+N).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Nog geen activiteiten&lt;/h3&gt;&lt;p&gt;Leg met &lt;b&gt;Nieuwe activiteit&lt;/b&gt; (Ctrl+N) vast wat de post voor IMVO doet.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/list_page.py" line="309"/>
        <source>&lt;h3&gt;No activity matches these filters&lt;/h3&gt;&lt;p&gt;Change the search or the filters, or clear them (Ctrl+Shift+L).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Geen activiteit voldoet aan deze filters&lt;/h3&gt;&lt;p&gt;Pas de zoekopdracht of de filters aan, of wis ze (Ctrl+Shift+L).&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ActivityCommands</name>
    <message>
        <location filename="../../postkit/ui/activities/commands.py" line="129"/>
        <source>New activity “{0}”</source>
        <translation>Nieuwe activiteit “{0}”</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/commands.py" line="132"/>
        <source>Edit “{0}”</source>
        <translation>“{0}” bewerken</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/commands.py" line="152"/>
        <source>(copy)</source>
        <translation>(kopie)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/commands.py" line="153"/>
        <source>Duplicate activity</source>
        <translation>Activiteit dupliceren</translation>
    </message>
    <message numerus="yes">
        <location filename="../../postkit/ui/activities/commands.py" line="161"/>
        <source>Delete %n activities? You can undo this with Ctrl+Z.</source>
        <translation>
            <numerusform>%n activiteit verwijderen? U kunt dit ongedaan maken met Ctrl+Z.</numerusform>
            <numerusform>%n activiteiten verwijderen? U kunt dit ongedaan maken met Ctrl+Z.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/commands.py" line="162"/>
        <source>Delete activities</source>
        <translation>Activiteiten verwijderen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/commands.py" line="162"/>
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../postkit/ui/activities/commands.py" line="164"/>
        <source>Delete %n activities</source>
        <translation>
            <numerusform>%n activiteit verwijderen</numerusform>
            <numerusform>%n activiteiten verwijderen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/commands.py" line="187"/>
        <location filename="../../postkit/ui/activities/commands.py" line="273"/>
        <source>Annual report</source>
        <translation>Jaarverslag</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/commands.py" line="187"/>
        <source>Year:</source>
        <translation>Jaar:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/commands.py" line="195"/>
        <source>Export activities</source>
        <translation>Activiteiten exporteren</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/commands.py" line="197"/>
        <location filename="../../postkit/ui/activities/commands.py" line="350"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-werkmap (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/commands.py" line="206"/>
        <source>Exporting activities…</source>
        <translation>Activiteiten worden geëxporteerd…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../postkit/ui/activities/commands.py" line="214"/>
        <source>Exported %n activities to {0}</source>
        <translation>
            <numerusform>%n activiteit geëxporteerd naar {0}</numerusform>
            <numerusform>%n activiteiten geëxporteerd naar {0}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/commands.py" line="228"/>
        <source>Import activities</source>
        <translation>Activiteiten importeren</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/commands.py" line="229"/>
        <source>Excel workbook or CSV (*.xlsx *.xlsm *.csv)</source>
        <translation>Excel-werkmap of CSV (*.xlsx *.xlsm *.csv)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../postkit/ui/activities/commands.py" line="244"/>
        <source>Imported %n activities from {0}</source>
        <translation>
            <numerusform>%n activiteit geïmporteerd uit {0}</numerusform>
            <numerusform>%n activiteiten geïmporteerd uit {0}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/commands.py" line="275"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/commands.py" line="284"/>
        <source>Writing the annual report…</source>
        <translation>Het jaarverslag wordt gemaakt…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/commands.py" line="293"/>
        <source>Annual report written to {0}</source>
        <translation>Jaarverslag opgeslagen in {0}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/commands.py" line="314"/>
        <location filename="../../postkit/ui/activities/commands.py" line="348"/>
        <source>Annual return</source>
        <translation>Jaarrapportage</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/commands.py" line="359"/>
        <source>Writing the annual return…</source>
        <translation>De jaarrapportage wordt geschreven…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/commands.py" line="367"/>
        <source>Annual return written to {0}</source>
        <translation>Jaarrapportage geschreven naar {0}</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <location filename="../../postkit/ui/activities/editor.py" line="61"/>
        <source>Edit activity</source>
        <translation>Activiteit bewerken</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/editor.py" line="61"/>
        <source>New activity</source>
        <translation>Nieuwe activiteit</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/editor.py" line="66"/>
        <source>&amp;Activity</source>
        <translation>&amp;Activiteit</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/editor.py" line="67"/>
        <source>&amp;Themes and sectors</source>
        <translation>T&amp;hema&apos;s en sectoren</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/editor.py" line="68"/>
        <source>&amp;Reach</source>
        <translation>Be&amp;reik</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/editor.py" line="69"/>
        <source>&amp;Outcome and files</source>
        <translation>Res&amp;ultaat en bestanden</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/editor.py" line="71"/>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/editor.py" line="95"/>
        <source>Choose a core task…</source>
        <translation>Kies een kerntaak…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/editor.py" line="101"/>
        <source>What was done, in a few words</source>
        <translation>Wat er is gedaan, in een paar woorden</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/editor.py" line="103"/>
        <source>Lasted more than one day, until</source>
        <translation>Duurde meer dan een dag, tot en met</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/editor.py" line="118"/>
        <source>(none)</source>
        <translation>(geen)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/editor.py" line="120"/>
        <source>Core &amp;task:</source>
        <translation>&amp;Kerntaak:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/editor.py" line="121"/>
        <source>T&amp;itle:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/editor.py" line="122"/>
        <source>&amp;Date:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/editor.py" line="125"/>
        <source>T&amp;ype:</source>
        <translation>S&amp;oort:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/editor.py" line="126"/>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/editor.py" line="127"/>
        <source>&amp;Country:</source>
        <translation>&amp;Land:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/editor.py" line="128"/>
        <source>D&amp;escription:</source>
        <translation>Omschr&amp;ijving:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/editor.py" line="134"/>
        <source>Partners and stakeholders, separated by ;</source>
        <translation>Partners en belanghebbenden, gescheiden door ;</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/editor.py" line="138"/>
        <source>Companies reached whose names were not recorded</source>
        <translation>Bereikte bedrijven waarvan de naam niet is vastgelegd</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/editor.py" line="147"/>
        <source>&amp;Partners and stakeholders:</source>
        <translation>&amp;Partners en belanghebbenden:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/editor.py" line="149"/>
        <source>&amp;Companies reached:</source>
        <translation>Bereikte &amp;bedrijven:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/editor.py" line="150"/>
        <source>Ot&amp;her (unnamed) companies:</source>
        <translation>&amp;Overige (naamloze) bedrijven:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/editor.py" line="151"/>
        <source>Participants – &amp;women:</source>
        <translation>Deelnemers – &amp;vrouwen:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/editor.py" line="152"/>
        <source>Participants – &amp;men:</source>
        <translation>Deelnemers – &amp;mannen:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/editor.py" line="153"/>
        <source>Participants – other or &amp;unknown:</source>
        <translation>Deelnemers – overig of o&amp;nbekend:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/editor.py" line="154"/>
        <source>Participants in all:</source>
        <translation>Deelnemers in totaal:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/editor.py" line="163"/>
        <source>One web address per line</source>
        <translation>Eén webadres per regel</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/editor.py" line="165"/>
        <source>O&amp;utcome:</source>
        <translation>R&amp;esultaat:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/editor.py" line="166"/>
        <source>&amp;Follow-up:</source>
        <translation>&amp;Vervolg:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/editor.py" line="169"/>
        <source>Action</source>
        <translation>Actie</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/editor.py" line="169"/>
        <source>Due date and owner of each follow-up action</source>
        <translation>Vervaldatum en eigenaar van elke vervolgactie</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/editor.py" line="172"/>
        <source>Give a line of the follow-up a due date to see it in the follow-up view</source>
        <translation>Geef een regel van het vervolg een vervaldatum om die in het opvolgingsoverzicht te zien</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/editor.py" line="177"/>
        <source>&amp;Links:</source>
        <translation>L&amp;inks:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/editor.py" line="178"/>
        <source>Files:</source>
        <translation>Bestanden:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/editor.py" line="290"/>
        <source>Choose the core task this activity belongs to.</source>
        <translation>Kies de kerntaak waaronder deze activiteit valt.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/editor.py" line="291"/>
        <source>Give the activity a title.</source>
        <translation>Geef de activiteit een titel.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/editor.py" line="292"/>
        <source>The end date lies before the start date.</source>
        <translation>De einddatum ligt vóór de begindatum.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/editor.py" line="293"/>
        <source>Each line under Links must be a web address (https://…).</source>
        <translation>Elke regel onder Links moet een webadres zijn (https://…).</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/editor.py" line="304"/>
        <source>Type the date as {0}.</source>
        <translation>Typ de datum als {0}.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/editor.py" line="321"/>
        <source>Type each follow-up action&apos;s due date as {0}.</source>
        <translation>Typ de vervaldatum van elke vervolgactie als {0}.</translation>
    </message>
</context>
<context>
    <name>ActivityImportDialog</name>
    <message>
        <location filename="../../postkit/ui/activities/import_dialog.py" line="89"/>
        <source>Import activities from {0}</source>
        <translation>Activiteiten importeren uit {0}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/import_dialog.py" line="102"/>
        <source>Dutch (15-4-2025, 1.234)</source>
        <translation>Nederlands (15-4-2025, 1.234)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/import_dialog.py" line="103"/>
        <source>English (4/15/2025, 1,234)</source>
        <translation>Engels (4/15/2025, 1,234)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/import_dialog.py" line="104"/>
        <source>How dates and numbers typed as text are read</source>
        <translation>Hoe als tekst getypte datums en getallen worden gelezen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/import_dialog.py" line="105"/>
        <source>Dates and &amp;numbers:</source>
        <translation>Datums en &amp;getallen:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/import_dialog.py" line="111"/>
        <source>Column in the sheet</source>
        <translation>Kolom in het werkblad</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/import_dialog.py" line="111"/>
        <source>First value</source>
        <translation>Eerste waarde</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/import_dialog.py" line="111"/>
        <source>Imports as</source>
        <translation>Wordt geïmporteerd als</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/import_dialog.py" line="114"/>
        <source>&amp;Columns</source>
        <translation>&amp;Kolommen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/import_dialog.py" line="117"/>
        <source>&amp;Preview</source>
        <translation>&amp;Voorbeeld</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/import_dialog.py" line="120"/>
        <source>Column</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/import_dialog.py" line="120"/>
        <source>Value</source>
        <translation>Waarde</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/import_dialog.py" line="120"/>
        <source>Rows</source>
        <translation>Rijen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/import_dialog.py" line="120"/>
        <source>Use instead</source>
        <translation>In plaats daarvan</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/import_dialog.py" line="123"/>
        <source>&amp;Unknown values</source>
        <translation>&amp;Onbekende waarden</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/import_dialog.py" line="125"/>
        <source>&amp;Errors</source>
        <translation>&amp;Fouten</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/import_dialog.py" line="137"/>
        <source>&amp;Import</source>
        <translation>&amp;Importeren</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/import_dialog.py" line="143"/>
        <source>(not imported)</source>
        <translation>(niet importeren)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/import_dialog.py" line="159"/>
        <source>Reading {0}…</source>
        <translation>{0} lezen…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/import_dialog.py" line="172"/>
        <source>The columns as mapped for this layout before</source>
        <translation>De kolommen zoals eerder voor deze indeling gekoppeld</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/import_dialog.py" line="221"/>
        <source>Checking the rows…</source>
        <translation>Rijen controleren…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/import_dialog.py" line="239"/>
        <source>Correct the sheet, or the mapping, and try again: nothing is imported while a row has an error.</source>
        <translation>Verbeter het werkblad of de koppeling en probeer het opnieuw: er wordt niets geïmporteerd zolang een rij een fout bevat.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../postkit/ui/activities/import_dialog.py" line="250"/>
        <source>&amp;Errors (%n)</source>
        <translation>
            <numerusform>&amp;Fouten (%n)</numerusform>
            <numerusform>&amp;Fouten (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../postkit/ui/activities/import_dialog.py" line="251"/>
        <source>&amp;Unknown values (%n)</source>
        <translation>
            <numerusform>&amp;Onbekende waarden (%n)</numerusform>
            <numerusform>&amp;Onbekende waarden (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/import_dialog.py" line="255"/>
        <source>{0} to add, {1} already present, {2} with errors</source>
        <translation>{0} toe te voegen, {1} al aanwezig, {2} met fouten</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/import_dialog.py" line="261"/>
        <source>Row</source>
        <translation>Rij</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/import_dialog.py" line="262"/>
        <source>Import</source>
        <translation>Importeren</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/import_dialog.py" line="263"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/import_dialog.py" line="264"/>
        <source>Core task</source>
        <translation>Kerntaak</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/import_dialog.py" line="265"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/import_dialog.py" line="266"/>
        <source>Type</source>
        <translation>Soort</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/import_dialog.py" line="267"/>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/import_dialog.py" line="268"/>
        <source>Sectors</source>
        <translation>Sectoren</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/import_dialog.py" line="269"/>
        <source>Themes</source>
        <translation>Thema&apos;s</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/import_dialog.py" line="270"/>
        <source>Unnamed companies</source>
        <translation>Onbenoemde bedrijven</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/import_dialog.py" line="271"/>
        <source>Companies named</source>
        <translation>Genoemde bedrijven</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/import_dialog.py" line="272"/>
        <source>Participants</source>
        <translation>Deelnemers</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/import_dialog.py" line="283"/>
        <source>error</source>
        <translation>fout</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/import_dialog.py" line="285"/>
        <source>already present</source>
        <translation>al aanwezig</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/import_dialog.py" line="287"/>
        <source>add</source>
        <translation>toevoegen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/import_dialog.py" line="318"/>
        <source>(leave unknown)</source>
        <translation>(onbekend laten)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/import_dialog.py" line="353"/>
        <source>Importing activities…</source>
        <translation>Activiteiten importeren…</translation>
    </message>
</context>
<context>
    <name>AnswerInput</name>
    <message>
        <location filename="../../postkit/ui/surveys/inputs.py" line="824"/>
        <source>HH:MM</source>
        <translation>UU:MM</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/inputs.py" line="827"/>
        <source>YYYY-MM-DD HH:MM</source>
        <translation>JJJJ-MM-DD UU:MM</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/inputs.py" line="831"/>
        <source>latitude longitude, e.g. 52.08 4.31</source>
        <translation>breedtegraad lengtegraad, bijv. 52.08 4.31</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/inputs.py" line="836"/>
        <source>latitude longitude; latitude longitude; …</source>
        <translation>breedtegraad lengtegraad; breedtegraad lengtegraad; …</translation>
    </message>
</context>
<context>
    <name>AppCommands</name>
    <message>
        <location filename="../../postkit/ui/post_commands.py" line="170"/>
        <source>Keyboard shortcuts</source>
        <translation>Sneltoetsen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/post_commands.py" line="185"/>
        <source>About postkit</source>
        <translation>Over postkit</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/post_commands.py" line="187"/>
        <source>&lt;h3&gt;postkit {0}&lt;/h3&gt;&lt;p&gt;The IMVO toolkit for Dutch embassies and consulates: log the post&apos;s work on international responsible business conduct against the five core tasks, and report on it.&lt;/p&gt;&lt;p&gt;Database: {1}&lt;/p&gt;</source>
        <translation>&lt;h3&gt;postkit {0}&lt;/h3&gt;&lt;p&gt;De IMVO-toolkit voor Nederlandse ambassades en consulaten: leg het werk van de post voor internationaal maatschappelijk verantwoord ondernemen vast volgens de vijf kerntaken, en rapporteer erover.&lt;/p&gt;&lt;p&gt;Database: {1}&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>AttachmentsEditor</name>
    <message>
        <location filename="../../postkit/ui/widgets/attachments_editor.py" line="38"/>
        <source>Attach &amp;file…</source>
        <translation>Bestand &amp;bijvoegen…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/widgets/attachments_editor.py" line="40"/>
        <source>Remo&amp;ve</source>
        <translation>Verwij&amp;deren</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/widgets/attachments_editor.py" line="81"/>
        <source>Attach files</source>
        <translation>Bestanden bijvoegen</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <location filename="../../postkit/ui/screening/audit_log.py" line="41"/>
        <source>Request recorded</source>
        <translation>Verzoek vastgelegd</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/audit_log.py" line="42"/>
        <source>Request changed</source>
        <translation>Verzoek gewijzigd</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/audit_log.py" line="43"/>
        <source>Checklist answered</source>
        <translation>Checklist beantwoord</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/audit_log.py" line="44"/>
        <source>Answer confirmed</source>
        <translation>Antwoord bevestigd</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/audit_log.py" line="45"/>
        <source>Evidence added</source>
        <translation>Bewijsstuk toegevoegd</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/audit_log.py" line="46"/>
        <source>Evidence removed</source>
        <translation>Bewijsstuk verwijderd</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/audit_log.py" line="47"/>
        <source>Sanctions screening</source>
        <translation>Toetsing aan de sanctielijst</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/audit_log.py" line="48"/>
        <source>Candidate judged</source>
        <translation>Mogelijke treffer beoordeeld</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/audit_log.py" line="49"/>
        <source>Decided</source>
        <translation>Besluit genomen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/audit_log.py" line="50"/>
        <source>Reopened</source>
        <translation>Heropend</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/audit_log.py" line="52"/>
        <source>Condition followed up</source>
        <translation>Voorwaarde opgevolgd</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/audit_log.py" line="64"/>
        <source>Changed: {0}</source>
        <translation>Gewijzigd: {0}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/audit_log.py" line="66"/>
        <source>(the names changed: screen again)</source>
        <translation>(de namen zijn gewijzigd: opnieuw toetsen)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/audit_log.py" line="77"/>
        <source>note: {0}</source>
        <translation>notitie: {0}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/audit_log.py" line="81"/>
        <source>links: {0}</source>
        <translation>links: {0}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/audit_log.py" line="94"/>
        <source>against {file}: {count} candidates</source>
        <translation>aan {file}: {count} mogelijke treffers</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/audit_log.py" line="98"/>
        <source>{judgement}: {listed} for {subject} — {note}</source>
        <translation>{judgement}: {listed} voor {subject} — {note}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/audit_log.py" line="109"/>
        <source>Reason: {0}</source>
        <translation>Reden: {0}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/audit_log.py" line="137"/>
        <source>open</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/audit_log.py" line="138"/>
        <source>met</source>
        <translation>nagekomen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/audit_log.py" line="139"/>
        <source>not met</source>
        <translation>niet nagekomen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/audit_log.py" line="140"/>
        <source>dropped</source>
        <translation>geschrapt</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/audit_log.py" line="51"/>
        <source>Screened again on a newer list</source>
        <translation>Opnieuw getoetst aan een nieuwere lijst</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/audit_log.py" line="112"/>
        <source>{condition}: {old} → {new}</source>
        <translation>{condition}: {old} → {new}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/audit_log.py" line="120"/>
        <source>(next: talk with the company)</source>
        <translation>(volgende stap: gesprek met het bedrijf)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/audit_log.py" line="122"/>
        <source>(next: reconsider the support)</source>
        <translation>(volgende stap: de steun heroverwegen)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/audit_log.py" line="125"/>
        <source>against {file}: {new} new candidates, {judged} judged before</source>
        <translation>tegen {file}: {new} nieuwe mogelijke treffers, {judged} eerder beoordeeld</translation>
    </message>
</context>
<context>
    <name>AuditLogView</name>
    <message>
        <location filename="../../postkit/ui/screening/audit_log.py" line="157"/>
        <source>Audit log</source>
        <translation>Logboek</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/audit_log.py" line="159"/>
        <source>When</source>
        <translation>Wanneer</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/audit_log.py" line="159"/>
        <source>Who</source>
        <translation>Wie</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/audit_log.py" line="159"/>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/audit_log.py" line="159"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/audit_log.py" line="174"/>
        <source>Every change to the request is kept here with who and when. Each entry carries a hash of the one before, so an entry changed without recomputing the chain shows. Someone with the database file can recompute it: keep the printed decision record, which carries the log&apos;s head, to check the log against later.</source>
        <translation>Elke wijziging van het verzoek wordt hier bewaard, met wie en wanneer. Elke regel bevat een hash van de vorige, zodat een regel die gewijzigd is zonder de keten opnieuw te berekenen, opvalt. Wie het databasebestand heeft, kan de keten opnieuw berekenen: bewaar het afgedrukte besluitverslag, dat de kop van het logboek draagt, om het logboek er later tegen te controleren.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/audit_log.py" line="198"/>
        <source>Entry {0} · hash {1}</source>
        <translation>Regel {0} · hash {1}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/audit_log.py" line="210"/>
        <source>The log&apos;s hash chain is intact ({0} entries checked).</source>
        <translation>De hashketen van het logboek is intact ({0} regels gecontroleerd).</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/audit_log.py" line="217"/>
        <source>The log&apos;s hash chain is broken at entry {0}: {1}</source>
        <translation>De hashketen van het logboek is verbroken bij regel {0}: {1}</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <location filename="../../postkit/ui/widgets/bar_chart.py" line="126"/>
        <source>No data to show</source>
        <translation>Geen gegevens om te tonen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/widgets/bar_chart.py" line="131"/>
        <source>Bar chart</source>
        <translation>Staafdiagram</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/widgets/bar_chart.py" line="211"/>
        <source>{category} · {series}: {value}</source>
        <translation>{category} · {series}: {value}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/widgets/bar_chart.py" line="215"/>
        <source>{category}: {value}</source>
        <translation>{category}: {value}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/widgets/bar_chart.py" line="218"/>
        <source>Total: {total}</source>
        <translation>Totaal: {total}</translation>
    </message>
</context>
<context>
    <name>CheckList</name>
    <message>
        <location filename="../../postkit/ui/widgets/check_list.py" line="30"/>
        <source>Filter…</source>
        <translation>Filteren…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/widgets/check_list.py" line="51"/>
        <source>Filter {0}</source>
        <translation>{0} filteren</translation>
    </message>
</context>
<context>
    <name>ChecklistPanel</name>
    <message>
        <location filename="../../postkit/ui/screening/checklist.py" line="503"/>
        <source>not answered yet</source>
        <translation>nog niet beantwoord</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/checklist.py" line="504"/>
        <source>answered</source>
        <translation>beantwoord</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/checklist.py" line="505"/>
        <source>not known</source>
        <translation>onbekend</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/checklist.py" line="506"/>
        <source>red flag</source>
        <translation>rode vlag</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/checklist.py" line="588"/>
        <source>Step {0}</source>
        <translation>Stap {0}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/checklist.py" line="597"/>
        <source>Legend of the steps&apos; colours</source>
        <translation>Legenda van de kleuren van de stappen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/checklist.py" line="610"/>
        <source>‹ Back</source>
        <translation>‹ Terug</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/checklist.py" line="611"/>
        <source>Previous step (Alt+Left)</source>
        <translation>Vorige stap (Alt+←)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/checklist.py" line="612"/>
        <location filename="../../postkit/ui/screening/checklist.py" line="876"/>
        <source>Next ›</source>
        <translation>Volgende ›</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/checklist.py" line="714"/>
        <source>the step shown</source>
        <translation>de getoonde stap</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/checklist.py" line="754"/>
        <source>&lt;b&gt;This request was decided on {0}.&lt;/b&gt; The checklist is read-only; to change it, reopen the request on the Decision tab and give a reason.</source>
        <translation>&lt;b&gt;Over dit verzoek is besloten op {0}.&lt;/b&gt; De checklist is alleen-lezen; wilt u iets wijzigen, heropen het verzoek dan op het tabblad Besluit en geef een reden op.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/checklist.py" line="864"/>
        <source>Step {0} of {1}</source>
        <translation>Stap {0} van {1}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/checklist.py" line="866"/>
        <source>{0} of {1} answered</source>
        <translation>{0} van {1} beantwoord</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/checklist.py" line="868"/>
        <source>red flags: {0}</source>
        <translation>rode vlaggen: {0}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/checklist.py" line="876"/>
        <source>Finish ✓</source>
        <translation>Afronden ✓</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/checklist.py" line="878"/>
        <source>Save and go to the decision</source>
        <translation>Opslaan en naar het besluit gaan</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/checklist.py" line="878"/>
        <source>Next step (Alt+Right)</source>
        <translation>Volgende stap (Alt+→)</translation>
    </message>
</context>
<context>
    <name>ChecklistStep</name>
    <message>
        <location filename="../../postkit/ui/screening/checklist.py" line="189"/>
        <source>&lt;b&gt;Not expected of this company&lt;/b&gt;, given its size and the country and sector it works in: a “No” here does not weigh against support. Recommend it as good practice.</source>
        <translation>&lt;b&gt;Niet verwacht van dit bedrijf&lt;/b&gt;, gezien zijn omvang en het land en de sector waarin het werkt: een „Nee” hier weegt niet tegen steun. Beveel het aan als goede praktijk.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/checklist.py" line="122"/>
        <source>OECD due diligence</source>
        <translation>Gepaste zorgvuldigheid (OESO)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/checklist.py" line="140"/>
        <source>Con&amp;firm answer</source>
        <translation>Antwoord &amp;bevestigen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/checklist.py" line="142"/>
        <source>Keep the answer as it is, now that the result is known; this is logged</source>
        <translation>Het antwoord ongewijzigd laten nu de uitkomst bekend is; dit wordt vastgelegd in het logboek</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/checklist.py" line="151"/>
        <source>&amp;Yes</source>
        <translation>&amp;Ja</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/checklist.py" line="152"/>
        <source>&amp;No</source>
        <translation>&amp;Nee</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/checklist.py" line="153"/>
        <source>&amp;Unknown</source>
        <translation>&amp;Onbekend</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/checklist.py" line="161"/>
        <source>Alt+{0} or {1}</source>
        <translation>Alt+{0} of {1}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/checklist.py" line="164"/>
        <source>⚑ red flag</source>
        <translation>⚑ rode vlag</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/checklist.py" line="166"/>
        <source>This answer weighs against support</source>
        <translation>Dit antwoord pleit tegen steun</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/checklist.py" line="178"/>
        <source>&lt;b&gt;Red flag.&lt;/b&gt; This answer weighs against support. Note what you found and attach the evidence; talk with the company before you decide.</source>
        <translation>&lt;b&gt;Rode vlag.&lt;/b&gt; Dit antwoord pleit tegen steun. Noteer wat u hebt gevonden en voeg de bewijsstukken bij; spreek met het bedrijf voordat u besluit.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/checklist.py" line="201"/>
        <source>What you found, and where</source>
        <translation>Wat u hebt gevonden, en waar</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/checklist.py" line="205"/>
        <source>One link per line (https://…)</source>
        <translation>Eén link per regel (https://…)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/checklist.py" line="214"/>
        <source>Evidence files</source>
        <translation>Bewijsstukken</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/checklist.py" line="218"/>
        <source>&amp;Attach file…</source>
        <translation>Bestand &amp;bijvoegen…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/checklist.py" line="220"/>
        <source>&amp;Remove</source>
        <translation>Ver&amp;wijderen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/checklist.py" line="222"/>
        <source>O&amp;pen</source>
        <translation>O&amp;penen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/checklist.py" line="235"/>
        <source>N&amp;ote:</source>
        <translation>No&amp;titie:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/checklist.py" line="237"/>
        <source>&amp;Links:</source>
        <translation>&amp;Links:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/checklist.py" line="256"/>
        <source>Evidence files:</source>
        <translation>Bewijsstukken:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/checklist.py" line="338"/>
        <source>Saved {0} by {1}</source>
        <translation>Opgeslagen op {0} door {1}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/checklist.py" line="341"/>
        <source>Not answered yet</source>
        <translation>Nog niet beantwoord</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/checklist.py" line="368"/>
        <source>SHA-256 {0}</source>
        <translation>SHA-256 {0}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/checklist.py" line="378"/>
        <source>Attach evidence</source>
        <translation>Bewijsstukken bijvoegen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/checklist.py" line="421"/>
        <source>Not a web or e-mail link: {0}</source>
        <translation>Geen web- of e-maillink: {0}</translation>
    </message>
</context>
<context>
    <name>CompaniesPage</name>
    <message>
        <location filename="../../postkit/ui/companies/page.py" line="57"/>
        <source>Find by name, trade name or KvK number</source>
        <translation>Zoeken op naam, handelsnaam of KvK-nummer</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/page.py" line="59"/>
        <source>Find companies</source>
        <translation>Bedrijven zoeken</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/page.py" line="65"/>
        <source>Companies</source>
        <translation>Bedrijven</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/page.py" line="170"/>
        <source>{0} companies</source>
        <translation>{0} bedrijven</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/page.py" line="176"/>
        <source>&lt;h3&gt;No company matches “{0}”&lt;/h3&gt;&lt;p&gt;Check the spelling, search by KvK number, or add it with &lt;b&gt;New company&lt;/b&gt;.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Geen bedrijf gevonden voor “{0}”&lt;/h3&gt;&lt;p&gt;Controleer de spelling, zoek op KvK-nummer, of voeg het toe met &lt;b&gt;Nieuw bedrijf&lt;/b&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/page.py" line="181"/>
        <source>&lt;h3&gt;No companies yet&lt;/h3&gt;&lt;p&gt;Add the companies and organisations the post works with using &lt;b&gt;New company&lt;/b&gt;, or pick “Create new company” where an activity, a request or a practice names one.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Nog geen bedrijven&lt;/h3&gt;&lt;p&gt;Voeg de bedrijven en organisaties waarmee de post werkt toe met &lt;b&gt;Nieuw bedrijf&lt;/b&gt;, of kies “Nieuw bedrijf aanmaken” waar een activiteit, een aanvraag of een goed voorbeeld er een noemt.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/page.py" line="243"/>
        <source>{0} saved in the register.</source>
        <translation>{0} is in het register opgeslagen.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/page.py" line="322"/>
        <source>Merge “{0}” into “{1}”</source>
        <translation>“{0}” samenvoegen met “{1}”</translation>
    </message>
</context>
<context>
    <name>CompanyDialog</name>
    <message>
        <location filename="../../postkit/ui/companies/editor.py" line="52"/>
        <source>Edit company</source>
        <translation>Bedrijf bewerken</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/editor.py" line="52"/>
        <source>New company</source>
        <translation>Nieuw bedrijf</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/editor.py" line="56"/>
        <source>&amp;Company</source>
        <translation>&amp;Bedrijf</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/editor.py" line="57"/>
        <source>&amp;Size</source>
        <translation>&amp;Omvang</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/editor.py" line="58"/>
        <source>C&amp;ontacts</source>
        <translation>&amp;Contactpersonen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/editor.py" line="60"/>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/editor.py" line="77"/>
        <source>Registered name, e.g. Tulip Trading B.V.</source>
        <translation>Statutaire naam, bijv. Tulip Trading B.V.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/editor.py" line="79"/>
        <source>Other names it trades under, one per line</source>
        <translation>Andere namen waaronder het handelt, één per regel</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/editor.py" line="82"/>
        <source>8 digits</source>
        <translation>8 cijfers</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/editor.py" line="85"/>
        <source>Registration abroad, e.g. a company number</source>
        <translation>Registratie in het buitenland, bijv. een bedrijfsnummer</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/editor.py" line="87"/>
        <location filename="../../postkit/ui/companies/editor.py" line="88"/>
        <source>(unknown)</source>
        <translation>(onbekend)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/editor.py" line="94"/>
        <source>&amp;Name:</source>
        <translation>&amp;Naam:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/editor.py" line="95"/>
        <source>&amp;Trade names:</source>
        <translation>&amp;Handelsnamen:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/editor.py" line="96"/>
        <source>&amp;KvK number:</source>
        <translation>&amp;KvK-nummer:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/editor.py" line="97"/>
        <source>&amp;Foreign registration:</source>
        <translation>Buitenlandse &amp;registratie:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/editor.py" line="98"/>
        <source>Co&amp;untry:</source>
        <translation>&amp;Land:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/editor.py" line="99"/>
        <source>S&amp;ector:</source>
        <translation>&amp;Sector:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/editor.py" line="100"/>
        <source>&amp;Website:</source>
        <translation>&amp;Website:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/editor.py" line="101"/>
        <source>No&amp;tes:</source>
        <translation>No&amp;tities:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/editor.py" line="102"/>
        <location filename="../../postkit/ui/companies/editor.py" line="137"/>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/editor.py" line="103"/>
        <source>KvK number</source>
        <translation>KvK-nummer</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/editor.py" line="111"/>
        <source>Operates &amp;internationally</source>
        <translation>&amp;Internationaal actief</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/editor.py" line="117"/>
        <source>Size class</source>
        <translation>Grootteklasse</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/editor.py" line="118"/>
        <source>&amp;Employees:</source>
        <translation>&amp;Medewerkers:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/editor.py" line="119"/>
        <source>Tu&amp;rnover (EUR):</source>
        <translation>Om&amp;zet (EUR):</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/editor.py" line="120"/>
        <source>&amp;Balance sheet total (EUR):</source>
        <translation>Ba&amp;lanstotaal (EUR):</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/editor.py" line="122"/>
        <source>Size class:</source>
        <translation>Grootteklasse:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/editor.py" line="130"/>
        <source>Contact persons are personal data: they stay at the post and leave with no export.</source>
        <translation>Contactpersonen zijn persoonsgegevens: ze blijven op de post en gaan met geen enkele export mee.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/editor.py" line="137"/>
        <source>Role</source>
        <translation>Functie</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/editor.py" line="137"/>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/editor.py" line="137"/>
        <source>Phone</source>
        <translation>Telefoon</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/editor.py" line="139"/>
        <source>Contact persons</source>
        <translation>Contactpersonen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/editor.py" line="144"/>
        <source>&amp;Add contact</source>
        <translation>Contactpersoon &amp;toevoegen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/editor.py" line="145"/>
        <source>&amp;Remove contact</source>
        <translation>Contactpersoon &amp;verwijderen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/editor.py" line="258"/>
        <source>Enter the company&apos;s name.</source>
        <translation>Vul de naam van het bedrijf in.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/editor.py" line="259"/>
        <source>A KvK number has 8 digits.</source>
        <translation>Een KvK-nummer heeft 8 cijfers.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/editor.py" line="260"/>
        <source>Every contact person needs a name and a valid e-mail address.</source>
        <translation>Elke contactpersoon heeft een naam en een geldig e-mailadres nodig.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/editor.py" line="261"/>
        <source>Enter a whole number of employees.</source>
        <translation>Vul een heel aantal medewerkers in.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/editor.py" line="262"/>
        <source>Enter the turnover in whole euros.</source>
        <translation>Vul de omzet in hele euro’s in.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/editor.py" line="263"/>
        <source>Enter the balance sheet total in whole euros.</source>
        <translation>Vul het balanstotaal in hele euro’s in.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/editor.py" line="321"/>
        <source>More than 500 employees and over EUR 20 million balance sheet or EUR 40 million turnover, operating internationally: the letter&apos;s large companies.</source>
        <translation>Meer dan 500 medewerkers en een balanstotaal boven EUR 20 miljoen of een omzet boven EUR 40 miljoen, internationaal actief: de grote bedrijven van de brief.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/editor.py" line="324"/>
        <source>Below the letter&apos;s threshold for large companies.</source>
        <translation>Onder de drempel van de brief voor grote bedrijven.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/editor.py" line="326"/>
        <source>Enter the employees and the turnover or balance sheet total to tell.</source>
        <translation>Vul het aantal medewerkers en de omzet of het balanstotaal in om dit te bepalen.</translation>
    </message>
</context>
<context>
    <name>CompanyHistoryView</name>
    <message>
        <location filename="../../postkit/ui/companies/history_view.py" line="39"/>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/history_view.py" line="40"/>
        <source>Met</source>
        <translation>Nagekomen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/history_view.py" line="41"/>
        <source>Not met</source>
        <translation>Niet nagekomen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/history_view.py" line="42"/>
        <source>Dropped</source>
        <translation>Geschrapt</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/history_view.py" line="30"/>
        <source>Activity</source>
        <translation>Activiteit</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/history_view.py" line="31"/>
        <source>Support request</source>
        <translation>Steunaanvraag</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/history_view.py" line="32"/>
        <source>Decision</source>
        <translation>Besluit</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/history_view.py" line="33"/>
        <source>Good practice</source>
        <translation>Goed voorbeeld</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/history_view.py" line="34"/>
        <location filename="../../postkit/ui/companies/history_view.py" line="123"/>
        <source>Follow-up</source>
        <translation>Opvolging</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/history_view.py" line="118"/>
        <source>&amp;Edit company…</source>
        <translation>Bedrijf &amp;bewerken…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/history_view.py" line="123"/>
        <source>Due</source>
        <translation>Uiterlijk</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/history_view.py" line="123"/>
        <source>Owner</source>
        <translation>Eigenaar</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/history_view.py" line="124"/>
        <source>Open follow-ups</source>
        <translation>Openstaande opvolging</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/history_view.py" line="127"/>
        <source>No follow-ups open.</source>
        <translation>Geen openstaande opvolging.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/history_view.py" line="128"/>
        <source>&lt;b&gt;What the post did with it&lt;/b&gt;</source>
        <translation>&lt;b&gt;Wat de post ermee deed&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/history_view.py" line="131"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/history_view.py" line="131"/>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/history_view.py" line="131"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/history_view.py" line="131"/>
        <source>Detail</source>
        <translation>Toelichting</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/history_view.py" line="132"/>
        <source>History of the company</source>
        <translation>Geschiedenis van het bedrijf</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/history_view.py" line="138"/>
        <source>&lt;p&gt;Nothing recorded with this company yet. Link it to an activity, a support request or a good practice and it shows here.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Nog niets vastgelegd met dit bedrijf. Koppel het aan een activiteit, een steunaanvraag of een goed voorbeeld en het verschijnt hier.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/history_view.py" line="159"/>
        <source>&lt;p&gt;Choose a company in the list to see everything the post did with it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Kies een bedrijf in de lijst om alles te zien wat de post ermee deed.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/history_view.py" line="201"/>
        <source>also {0}</source>
        <translation>ook {0}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/history_view.py" line="203"/>
        <source>KvK {0}</source>
        <translation>KvK {0}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/history_view.py" line="210"/>
        <source>contacts: {0}</source>
        <translation>contactpersonen: {0}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/history_view.py" line="219"/>
        <source>no date</source>
        <translation>geen datum</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/history_view.py" line="221"/>
        <source>{0} (overdue)</source>
        <translation>{0} (te laat)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/history_view.py" line="227"/>
        <source>&lt;b&gt;Open follow-ups&lt;/b&gt; ({0})</source>
        <translation>&lt;b&gt;Openstaande opvolging&lt;/b&gt; ({0})</translation>
    </message>
</context>
<context>
    <name>CompanyPicker</name>
    <message>
        <location filename="../../postkit/ui/widgets/company_picker.py" line="94"/>
        <source>Type a name or KvK number…</source>
        <translation>Typ een naam of KvK-nummer…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/widgets/company_picker.py" line="96"/>
        <source>Find a company in the register</source>
        <translation>Een bedrijf in het register zoeken</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/widgets/company_picker.py" line="111"/>
        <source>Companies chosen</source>
        <translation>Gekozen bedrijven</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/widgets/company_picker.py" line="113"/>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/widgets/company_picker.py" line="218"/>
        <source>{0} (new)</source>
        <translation>{0} (nieuw)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/widgets/company_picker.py" line="263"/>
        <source>Create new company “{0}”</source>
        <translation>Nieuw bedrijf “{0}” aanmaken</translation>
    </message>
</context>
<context>
    <name>CompanyTableModel</name>
    <message>
        <location filename="../../postkit/ui/companies/table_model.py" line="21"/>
        <source>Name</source>
        <translation>Naam</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/table_model.py" line="22"/>
        <source>KvK</source>
        <translation>KvK</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/table_model.py" line="23"/>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/table_model.py" line="24"/>
        <source>Sector</source>
        <translation>Sector</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/table_model.py" line="25"/>
        <source>Size class</source>
        <translation>Grootteklasse</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/table_model.py" line="26"/>
        <source>Activities</source>
        <translation>Activiteiten</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/table_model.py" line="27"/>
        <source>Screenings</source>
        <translation>Toetsingen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/table_model.py" line="30"/>
        <source>Large, international</source>
        <translation>Groot, internationaal</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/table_model.py" line="31"/>
        <source>SME</source>
        <translation>mkb</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/table_model.py" line="32"/>
        <source>Not known</source>
        <translation>Onbekend</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="379"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="381"/>
        <source>Core tasks</source>
        <translation>Kerntaken</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="384"/>
        <source>Post</source>
        <translation>Post</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="386"/>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="389"/>
        <source>Year</source>
        <translation>Jaar</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="390"/>
        <source>Summary</source>
        <translation>Samenvatting</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="391"/>
        <source>Context</source>
        <translation>Context</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="392"/>
        <source>What was done</source>
        <translation>Wat er is gedaan</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="393"/>
        <source>What worked</source>
        <translation>Wat werkte</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="394"/>
        <source>What did not work</source>
        <translation>Wat niet werkte</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="395"/>
        <source>Lessons for other posts</source>
        <translation>Lessen voor andere posten</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="397"/>
        <source>Themes</source>
        <translation>Thema&apos;s</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="401"/>
        <source>Sectors</source>
        <translation>Sectoren</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="404"/>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="406"/>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="409"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="431"/>
        <source>Conflicting edits: {0}</source>
        <translation>Tegenstrijdige wijzigingen: {0}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="437"/>
        <source>This practice was edited here and at {0} since the posts last shared it. Choose which version to keep; the other one is set aside. Changed fields are highlighted.</source>
        <translation>Dit voorbeeld is hier en bij {0} bewerkt sinds de posten het voor het laatst deelden. Kies welke versie u bewaart; de andere wordt apart gezet. Gewijzigde velden zijn gemarkeerd.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="440"/>
        <source>the other post</source>
        <translation>de andere post</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="460"/>
        <source>Ours (this post)&lt;br&gt;&lt;small&gt;changed {0} by {1}&lt;/small&gt;</source>
        <translation>Onze versie (deze post)&lt;br&gt;&lt;small&gt;gewijzigd op {0} door {1}&lt;/small&gt;</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="463"/>
        <source>Theirs ({0})&lt;br&gt;&lt;small&gt;changed {1} by {2}&lt;/small&gt;</source>
        <translation>Hun versie ({0})&lt;br&gt;&lt;small&gt;gewijzigd op {1} door {2}&lt;/small&gt;</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="479"/>
        <source>Files</source>
        <translation>Bestanden</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="520"/>
        <source>Keep &amp;ours</source>
        <translation>&amp;Onze versie houden</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="523"/>
        <source>Take &amp;theirs</source>
        <translation>&amp;Hun versie overnemen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="525"/>
        <source>Decide &amp;later</source>
        <translation>&amp;Later beslissen</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../postkit/ui/activities/dashboard.py" line="301"/>
        <source>Loading the figures…</source>
        <translation>De cijfers worden geladen…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/dashboard.py" line="275"/>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/dashboard.py" line="278"/>
        <source>&amp;Year:</source>
        <translation>&amp;Jaar:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/dashboard.py" line="281"/>
        <source>Year</source>
        <translation>Jaar</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/dashboard.py" line="315"/>
        <location filename="../../postkit/ui/activities/dashboard.py" line="601"/>
        <source>Activities</source>
        <translation>Activiteiten</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/dashboard.py" line="316"/>
        <source>Unique companies reached</source>
        <translation>Bereikte bedrijven (uniek)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/dashboard.py" line="317"/>
        <source>Participants</source>
        <translation>Deelnemers</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/dashboard.py" line="318"/>
        <location filename="../../postkit/ui/activities/dashboard.py" line="592"/>
        <source>Women</source>
        <translation>Vrouwen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/dashboard.py" line="319"/>
        <location filename="../../postkit/ui/activities/dashboard.py" line="593"/>
        <source>Men</source>
        <translation>Mannen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/dashboard.py" line="320"/>
        <location filename="../../postkit/ui/activities/dashboard.py" line="594"/>
        <source>Other</source>
        <translation>Overig</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/dashboard.py" line="327"/>
        <location filename="../../postkit/ui/activities/dashboard.py" line="335"/>
        <location filename="../../postkit/ui/activities/dashboard.py" line="567"/>
        <source>No activities in this year</source>
        <translation>Geen activiteiten in dit jaar</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/dashboard.py" line="329"/>
        <source>No participants recorded in this year</source>
        <translation>Geen deelnemers vastgelegd in dit jaar</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/dashboard.py" line="331"/>
        <source>No themes recorded in this year</source>
        <translation>Geen thema&apos;s vastgelegd in dit jaar</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/dashboard.py" line="333"/>
        <source>No companies reached in this year</source>
        <translation>Geen bedrijven bereikt in dit jaar</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/dashboard.py" line="338"/>
        <source>No requests for support screened in this year</source>
        <translation>Dit jaar geen steunverzoeken getoetst</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/dashboard.py" line="341"/>
        <source>Activities per core task and quarter</source>
        <translation>Activiteiten per kerntaak en kwartaal</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/dashboard.py" line="342"/>
        <source>Participants per core task by gender</source>
        <translation>Deelnemers per kerntaak naar gender</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/dashboard.py" line="343"/>
        <source>Themes most worked on</source>
        <translation>Thema&apos;s waaraan het meest is gewerkt</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/dashboard.py" line="344"/>
        <source>Unique companies reached per core task</source>
        <translation>Bereikte bedrijven per kerntaak (uniek)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/dashboard.py" line="345"/>
        <source>Planned against done per core task</source>
        <translation>Gepland tegenover uitgevoerd per kerntaak</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/dashboard.py" line="346"/>
        <source>Core task 4 per quarter: screening</source>
        <translation>Kerntaak 4 per kwartaal: toetsing</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/dashboard.py" line="557"/>
        <source>{named} named, {unnamed} unnamed</source>
        <translation>{named} met naam, {unnamed} zonder naam</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/dashboard.py" line="611"/>
        <source>Planned</source>
        <translation>Gepland</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/dashboard.py" line="612"/>
        <source>Done</source>
        <translation>Uitgevoerd</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/dashboard.py" line="613"/>
        <source>Cancelled</source>
        <translation>Geannuleerd</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/dashboard.py" line="624"/>
        <source>Requests received</source>
        <translation>Verzoeken ontvangen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/dashboard.py" line="625"/>
        <source>Decided</source>
        <translation>Besloten</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/dashboard.py" line="626"/>
        <source>Conditions agreed</source>
        <translation>Voorwaarden afgesproken</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/dashboard.py" line="627"/>
        <source>Conditions met</source>
        <translation>Voorwaarden nagekomen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/dashboard.py" line="370"/>
        <source>No activities yet</source>
        <translation>Nog geen activiteiten</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/dashboard.py" line="375"/>
        <source>Once your post logs IMVO activities, this dashboard shows them per core task and quarter, with the Dutch companies and participants they reached.</source>
        <translation>Zodra uw post IMVO-activiteiten vastlegt, toont dit dashboard ze per kerntaak en kwartaal, met de Nederlandse bedrijven en deelnemers die ze hebben bereikt.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/dashboard.py" line="505"/>
        <source>Activities that started in {year}</source>
        <translation>Activiteiten die in {year} zijn begonnen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/dashboard.py" line="521"/>
        <source>All five core tasks had activity in {year}</source>
        <translation>Alle vijf kerntaken waren actief in {year}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/dashboard.py" line="527"/>
        <source>No activity in {year} for one core task</source>
        <translation>Eén kerntaak zonder activiteit in {year}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/dashboard.py" line="529"/>
        <source>No activity in {year} for any of the five core tasks</source>
        <translation>Geen van de vijf kerntaken was actief in {year}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/dashboard.py" line="531"/>
        <source>No activity in {year} for {count} core tasks</source>
        <translation>{count} kerntaken zonder activiteit in {year}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/dashboard.py" line="534"/>
        <source>Core task {number}: {label}</source>
        <translation>Kerntaak {number}: {label}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/dashboard.py" line="543"/>
        <source>No participants recorded</source>
        <translation>Geen deelnemers vastgelegd</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/dashboard.py" line="544"/>
        <source>{percent}% of participants</source>
        <translation>{percent}% van de deelnemers</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/dashboard.py" line="550"/>
        <source>{covered} of {total} core tasks covered</source>
        <translation>{covered} van {total} kerntaken actief</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/dashboard.py" line="563"/>
        <source>{average} per activity on average</source>
        <translation>gem. {average} per activiteit</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/dashboard.py" line="580"/>
        <source>Q1</source>
        <translation>Q1</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/dashboard.py" line="580"/>
        <source>Q2</source>
        <translation>Q2</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/dashboard.py" line="580"/>
        <source>Q3</source>
        <translation>Q3</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/dashboard.py" line="580"/>
        <source>Q4</source>
        <translation>Q4</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/dashboard.py" line="605"/>
        <source>Companies</source>
        <translation>Bedrijven</translation>
    </message>
</context>
<context>
    <name>DatabaseCommands</name>
    <message>
        <location filename="../../postkit/ui/database_commands.py" line="61"/>
        <source>Backup written to {0}</source>
        <translation>Back-up opgeslagen in {0}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/database_commands.py" line="70"/>
        <location filename="../../postkit/ui/database_commands.py" line="99"/>
        <source>Restore from backup</source>
        <translation>Herstellen uit back-up</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/database_commands.py" line="72"/>
        <source>postkit database (*.sqlite3)</source>
        <translation>postkit-database (*.sqlite3)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/database_commands.py" line="96"/>
        <source>Replace the post&apos;s database by the backup {0}? The current database is backed up first. postkit closes afterwards; start it again to work on the restored data.</source>
        <translation>De database van de post vervangen door de back-up {0}? Van de huidige database wordt eerst een back-up gemaakt. postkit sluit daarna af; start het opnieuw om met de herstelde gegevens te werken.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/database_commands.py" line="99"/>
        <source>Restore</source>
        <translation>Herstellen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/database_commands.py" line="113"/>
        <source>Restored</source>
        <translation>Hersteld</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/database_commands.py" line="114"/>
        <source>The backup was restored. The database as it was is kept in {0}.</source>
        <translation>De back-up is hersteld. De database zoals die was, is bewaard in {0}.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/database_commands.py" line="156"/>
        <source>Protected</source>
        <translation>Beveiligd</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/database_commands.py" line="158"/>
        <source>The post&apos;s database and its backups are now encrypted. postkit closes; start it again and enter the passphrase.</source>
        <translation>De database van de post en de back-ups zijn nu versleuteld. postkit sluit af; start het opnieuw en voer de wachtzin in.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/database_commands.py" line="214"/>
        <source>The passphrase is changed; the backups use the new one too.</source>
        <translation>De wachtzin is gewijzigd; ook de back-ups gebruiken nu de nieuwe.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/database_commands.py" line="220"/>
        <source>Change passphrase</source>
        <translation>Wachtzin wijzigen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/database_commands.py" line="221"/>
        <source>The current passphrase is wrong; nothing was changed.</source>
        <translation>De huidige wachtzin is onjuist; er is niets gewijzigd.</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <location filename="../../postkit/ui/widgets/date_edit.py" line="100"/>
        <source>e.g. {0}</source>
        <translation>bijv. {0}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/widgets/date_edit.py" line="103"/>
        <source>Type the date as {0} or {1}, or pick it from the calendar (Alt+Down)</source>
        <translation>Typ de datum als {0} of {1}, of kies hem in de kalender (Alt+Omlaag)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/widgets/date_edit.py" line="110"/>
        <source>Pick from the calendar</source>
        <translation>Kiezen in de kalender</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/widgets/date_edit.py" line="199"/>
        <source>Not a date</source>
        <translation>Geen datum</translation>
    </message>
</context>
<context>
    <name>DateInput</name>
    <message>
        <location filename="../../postkit/ui/surveys/inputs.py" line="196"/>
        <source>not answered</source>
        <translation>niet beantwoord</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/inputs.py" line="203"/>
        <source>Clear</source>
        <translation>Wissen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/inputs.py" line="204"/>
        <source>Leave the date unanswered</source>
        <translation>De datum onbeantwoord laten</translation>
    </message>
</context>
<context>
    <name>DecisionPanel</name>
    <message>
        <location filename="../../postkit/ui/screening/decision_panel.py" line="96"/>
        <source>&amp;Print decision record (PDF)…</source>
        <translation>Besluitverslag af&amp;drukken (PDF)…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/decision_panel.py" line="98"/>
        <source>Write the request, checklist, screening, decision and log as a PDF to file</source>
        <translation>Het verzoek, de checklist, de toetsing, het besluit en het logboek als PDF-bestand opslaan</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/decision_panel.py" line="129"/>
        <source>Risk summary</source>
        <translation>Risico-overzicht</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/decision_panel.py" line="147"/>
        <source>Computed from the checklist answers, the country and sector risk tables and the sanctions check; the company&apos;s size sets what is expected of it, not the risk. It supports your judgement: &lt;b&gt;you decide&lt;/b&gt;, and say why.</source>
        <translation>Berekend uit de antwoorden op de checklist, de risicotabellen voor landen en sectoren en de sanctietoetsing; de omvang van het bedrijf bepaalt wat er van het bedrijf verwacht wordt, niet het risico. Het ondersteunt uw oordeel: &lt;b&gt;u besluit&lt;/b&gt;, en motiveert waarom.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/decision_panel.py" line="161"/>
        <source>Your decision</source>
        <translation>Uw besluit</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/decision_panel.py" line="178"/>
        <source>Why you decide so: what you weighed, whom you spoke to</source>
        <translation>Waarom u zo besluit: wat u hebt afgewogen, met wie u hebt gesproken</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/decision_panel.py" line="190"/>
        <source>What the company agrees to do</source>
        <translation>Waartoe het bedrijf zich verbindt</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/decision_panel.py" line="204"/>
        <source>C&amp;onditions:</source>
        <translation>&amp;Voorwaarden:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/decision_panel.py" line="205"/>
        <source>To be met &amp;by:</source>
        <translation>&amp;Uiterlijk voldaan op:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/decision_panel.py" line="206"/>
        <source>&amp;Follow up on:</source>
        <translation>&amp;Opvolgen op:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/decision_panel.py" line="212"/>
        <source>Condition</source>
        <translation>Voorwaarde</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/decision_panel.py" line="213"/>
        <source>Due date and owner of each condition</source>
        <translation>Vervaldatum en eigenaar van elke voorwaarde</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/decision_panel.py" line="222"/>
        <source>&amp;Decide…</source>
        <translation>&amp;Besluiten…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/decision_panel.py" line="228"/>
        <source>&amp;Rationale (required):</source>
        <translation>&amp;Motivering (verplicht):</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/decision_panel.py" line="232"/>
        <source>Outcome:</source>
        <translation>Uitkomst:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/decision_panel.py" line="242"/>
        <source>Decision</source>
        <translation>Besluit</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/decision_panel.py" line="254"/>
        <source>Rationale:</source>
        <translation>Motivering:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/decision_panel.py" line="255"/>
        <source>Conditions:</source>
        <translation>Voorwaarden:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/decision_panel.py" line="256"/>
        <source>To be met by:</source>
        <translation>Uiterlijk voldaan op:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/decision_panel.py" line="257"/>
        <source>Follow up on:</source>
        <translation>Opvolgen op:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/decision_panel.py" line="259"/>
        <source>Re&amp;open…</source>
        <translation>&amp;Heropenen…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/decision_panel.py" line="261"/>
        <source>Open the request for changes again; the reason is kept in the log</source>
        <translation>Het verzoek weer openstellen voor wijzigingen; de reden wordt in het logboek bewaard</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/decision_panel.py" line="266"/>
        <source>A decided request is read-only. Reopening it is logged.</source>
        <translation>Een afgehandeld verzoek is alleen-lezen. Heropenen wordt in het logboek vastgelegd.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/decision_panel.py" line="309"/>
        <source>The decision record can be printed once the request is decided.</source>
        <translation>Het besluitverslag kan worden afgedrukt zodra over het verzoek is besloten.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/decision_panel.py" line="348"/>
        <source>Why is this decided request reopened? The reason is kept in the log and in the decision record.</source>
        <translation>Waarom wordt dit afgehandelde verzoek heropend? De reden wordt bewaard in het logboek en in het besluitverslag.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/decision_panel.py" line="352"/>
        <source>Reopen request</source>
        <translation>Verzoek heropenen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/decision_panel.py" line="357"/>
        <source>A reason is required.</source>
        <translation>Een reden is verplicht.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/decision_panel.py" line="364"/>
        <source>Record the decision</source>
        <translation>Besluit vastleggen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/decision_panel.py" line="366"/>
        <source>Record “{outcome}” for {company}? The request is then closed: changing it later means reopening it with a reason, which is logged.</source>
        <translation>“{outcome}” vastleggen voor {company}? Het verzoek wordt dan gesloten: later wijzigen kan alleen door het met opgave van reden te heropenen, en dat wordt in het logboek vastgelegd.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/decision_panel.py" line="372"/>
        <source>Decide</source>
        <translation>Besluiten</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/decision_panel.py" line="411"/>
        <source>Step {number}: {question} — answered {answer}</source>
        <translation>Stap {number}: {question} — beantwoord met {answer}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../postkit/ui/screening/decision_panel.py" line="439"/>
        <source>&lt;b&gt;Incomplete — %n open steps of the checklist:&lt;/b&gt; {0}.</source>
        <translation>
            <numerusform>&lt;b&gt;Onvolledig — %n open stap van de checklist:&lt;/b&gt; {0}.</numerusform>
            <numerusform>&lt;b&gt;Onvolledig — %n open stappen van de checklist:&lt;/b&gt; {0}.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/decision_panel.py" line="403"/>
        <source>Incomplete</source>
        <translation>Onvolledig</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/decision_panel.py" line="432"/>
        <source>&lt;b&gt;Factors&lt;/b&gt;</source>
        <translation>&lt;b&gt;Factoren&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/decision_panel.py" line="435"/>
        <source>&lt;b&gt;Factors:&lt;/b&gt; none found.</source>
        <translation>&lt;b&gt;Factoren:&lt;/b&gt; geen gevonden.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/decision_panel.py" line="445"/>
        <source>The names have not been screened against a sanctions list yet.</source>
        <translation>De namen zijn nog niet aan een sanctielijst getoetst.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/decision_panel.py" line="464"/>
        <source>decided by {who} on {when}</source>
        <translation>besloten door {who} op {when}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/decision_panel.py" line="481"/>
        <source>The follow-up is due: check with the company whether it met the conditions.</source>
        <translation>Het is tijd voor de opvolging: ga bij het bedrijf na of het aan de voorwaarden heeft voldaan.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/decision_panel.py" line="512"/>
        <source>Choose an outcome.</source>
        <translation>Kies een uitkomst.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/decision_panel.py" line="514"/>
        <source>Say why you decide so.</source>
        <translation>Geef aan waarom u zo besluit.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/decision_panel.py" line="517"/>
        <source>Say what the company agrees to do.</source>
        <translation>Geef aan waartoe het bedrijf zich verbindt.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/decision_panel.py" line="519"/>
        <location filename="../../postkit/ui/screening/decision_panel.py" line="527"/>
        <source>Type the date as {0}.</source>
        <translation>Typ de datum als {0}.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/decision_panel.py" line="523"/>
        <source>Choose by when the conditions are to be met.</source>
        <translation>Kies wanneer uiterlijk aan de voorwaarden moet zijn voldaan.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/decision_panel.py" line="525"/>
        <source>Give each condition a due date.</source>
        <translation>Geef elke voorwaarde een vervaldatum.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/decision_panel.py" line="531"/>
        <source>Choose when to follow the conditions up.</source>
        <translation>Kies wanneer de voorwaarden worden opgevolgd.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/decision_panel.py" line="558"/>
        <source>Judge the sanctions candidates still open ({0}) on the Sanctions tab first.</source>
        <translation>Beoordeel eerst de open mogelijke treffers ({0}) op het tabblad Sancties.</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../postkit/ui/dialogs.py" line="64"/>
        <source>Something went wrong: {0}</source>
        <translation>Er is iets misgegaan: {0}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/dialogs.py" line="68"/>
        <source>postkit</source>
        <translation>postkit</translation>
    </message>
</context>
<context>
    <name>DropDownInput</name>
    <message>
        <location filename="../../postkit/ui/surveys/inputs.py" line="362"/>
        <location filename="../../postkit/ui/surveys/inputs.py" line="540"/>
        <source>Choose…</source>
        <translation>Kies…</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <location filename="../../postkit/ui/companies/page.py" line="406"/>
        <location filename="../../postkit/ui/companies/page.py" line="411"/>
        <source>Possible duplicates</source>
        <translation>Mogelijk dubbele records</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/page.py" line="410"/>
        <source>Record</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/page.py" line="410"/>
        <source>Why</source>
        <translation>Waarom</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/page.py" line="412"/>
        <source>same KvK number</source>
        <translation>zelfde KvK-nummer</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/page.py" line="412"/>
        <source>same name</source>
        <translation>zelfde naam</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/page.py" line="420"/>
        <source>No two records look like the same company.</source>
        <translation>Geen twee records lijken hetzelfde bedrijf.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/page.py" line="427"/>
        <source>&amp;Merge…</source>
        <translation>&amp;Samenvoegen…</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="105"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="106"/>
        <source>Summary</source>
        <translation>Samenvatting</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="107"/>
        <source>Context</source>
        <translation>Context</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="108"/>
        <source>What was done</source>
        <translation>Wat er is gedaan</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="109"/>
        <source>What worked</source>
        <translation>Wat werkte</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="110"/>
        <source>What did not work</source>
        <translation>Wat niet werkte</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="111"/>
        <source>Lessons for other posts</source>
        <translation>Lessen voor andere posten</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="112"/>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="113"/>
        <source>Created or changed by</source>
        <translation>Gemaakt of gewijzigd door</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="116"/>
        <source>the whole contact</source>
        <translation>het hele contact</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="117"/>
        <source>name</source>
        <translation>naam</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="118"/>
        <source>e-mail address</source>
        <translation>e-mailadres</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="119"/>
        <source>phone number</source>
        <translation>telefoonnummer</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="120"/>
        <source>user name (the post&apos;s name goes instead)</source>
        <translation>gebruikersnaam (de naam van de post komt ervoor in de plaats)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="139"/>
        <source>Export good practices</source>
        <translation>Goede voorbeelden exporteren</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="142"/>
        <source>The practices go into one .postkit file, with their attached files, for other posts to import. Send it by e-mail, on a USB stick or through a shared folder.</source>
        <translation>De voorbeelden gaan met hun bijlagen in één .postkit-bestand, dat andere posten kunnen importeren. Verstuur het per e-mail, op een usb-stick of via een gedeelde map.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="151"/>
        <source>The selected practice</source>
        <translation>Het geselecteerde voorbeeld</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="152"/>
        <source>The {0} selected practices</source>
        <translation>De {0} geselecteerde voorbeelden</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="160"/>
        <source>The one published practice</source>
        <translation>Het enige gepubliceerde voorbeeld</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="161"/>
        <source>All {0} published practices</source>
        <translation>Alle {0} gepubliceerde voorbeelden</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="174"/>
        <source>Export…</source>
        <translation>Exporteren…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="182"/>
        <source>Personal data left out</source>
        <translation>Weggelaten persoonsgegevens</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="185"/>
        <source>&amp;Keep personal data (names, e-mail addresses, phone numbers)</source>
        <translation>&amp;Persoonsgegevens meesturen (namen, e-mailadressen, telefoonnummers)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="188"/>
        <source>Only when the people named agreed to be shared with other posts</source>
        <translation>Alleen als de genoemde personen ermee instemden dat hun gegevens met andere posten worden gedeeld</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="190"/>
        <source>Attached files go as they are: check them yourself.</source>
        <translation>Bijlagen gaan ongewijzigd mee: controleer ze zelf.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="229"/>
        <source>Personal data goes along: make sure the people agreed to that.</source>
        <translation>Persoonsgegevens gaan mee: zorg dat de betrokkenen daarmee hebben ingestemd.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="233"/>
        <source>Left out to protect privacy, each replaced by “[removed]”:</source>
        <translation>Weggelaten ter bescherming van de privacy, telkens vervangen door “[removed]”:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="237"/>
        <source>No names, e-mail addresses or phone numbers found to leave out.</source>
        <translation>Geen namen, e-mailadressen of telefoonnummers gevonden om weg te laten.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="245"/>
        <source>{title} — {field}: {kind} “{text}”</source>
        <translation>{title} — {field}: {kind} “{text}”</translation>
    </message>
</context>
<context>
    <name>FileInput</name>
    <message>
        <location filename="../../postkit/ui/surveys/inputs.py" line="740"/>
        <source>No file chosen</source>
        <translation>Geen bestand gekozen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/inputs.py" line="741"/>
        <source>Choose file…</source>
        <translation>Bestand kiezen…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/inputs.py" line="744"/>
        <source>Clear</source>
        <translation>Wissen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/inputs.py" line="755"/>
        <source>Images (*.png *.jpg *.jpeg *.gif *.bmp *.webp)</source>
        <translation>Afbeeldingen (*.png *.jpg *.jpeg *.gif *.bmp *.webp)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/inputs.py" line="756"/>
        <source>Audio (*.mp3 *.wav *.m4a *.ogg *.aac)</source>
        <translation>Audio (*.mp3 *.wav *.m4a *.ogg *.aac)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/inputs.py" line="757"/>
        <source>Video (*.mp4 *.mov *.avi *.mkv *.webm)</source>
        <translation>Video (*.mp4 *.mov *.avi *.mkv *.webm)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/inputs.py" line="760"/>
        <source>Attach a file</source>
        <translation>Een bestand bijvoegen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/inputs.py" line="760"/>
        <source>Any file (*)</source>
        <translation>Elk bestand (*)</translation>
    </message>
</context>
<context>
    <name>FollowUpTable</name>
    <message>
        <location filename="../../postkit/ui/widgets/follow_up_table.py" line="35"/>
        <source>Due</source>
        <translation>Uiterlijk</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/widgets/follow_up_table.py" line="35"/>
        <source>Owner</source>
        <translation>Eigenaar</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/widgets/follow_up_table.py" line="71"/>
        <source>Due date of line {0}</source>
        <translation>Vervaldatum van regel {0}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/widgets/follow_up_table.py" line="74"/>
        <source>Owner of line {0}</source>
        <translation>Eigenaar van regel {0}</translation>
    </message>
</context>
<context>
    <name>FollowUps</name>
    <message>
        <location filename="../../postkit/ui/followups/page.py" line="274"/>
        <source>The guidelines&apos; next step: talk with the company and ask what it does about it, then decide.</source>
        <translation>De volgende stap volgens de richtlijnen: ga in gesprek met het bedrijf, vraag wat het eraan doet en besluit dan.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/followups/page.py" line="279"/>
        <source>A dialogue did not bring the company to meet its conditions: the guidelines&apos; next step is to reconsider the support.</source>
        <translation>Een gesprek bracht het bedrijf niet tot nakoming van de voorwaarden: de volgende stap volgens de richtlijnen is de steun te heroverwegen.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/followups/page.py" line="290"/>
        <source>Dialogue with the company: {0}</source>
        <translation>Gesprek met het bedrijf: {0}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/followups/page.py" line="293"/>
        <source>Reconsider the support: {0}</source>
        <translation>Steun heroverwegen: {0}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/followups/table_model.py" line="18"/>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/followups/table_model.py" line="19"/>
        <source>Met</source>
        <translation>Nagekomen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/followups/table_model.py" line="20"/>
        <source>Not met</source>
        <translation>Niet nagekomen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/followups/table_model.py" line="21"/>
        <source>Dropped</source>
        <translation>Geschrapt</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/followups/table_model.py" line="24"/>
        <source>Condition</source>
        <translation>Voorwaarde</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/followups/table_model.py" line="25"/>
        <source>Action</source>
        <translation>Actie</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/followups/table_model.py" line="58"/>
        <source>Due</source>
        <translation>Uiterlijk</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/followups/table_model.py" line="62"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/followups/table_model.py" line="64"/>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/followups/table_model.py" line="69"/>
        <source>What</source>
        <translation>Wat</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/followups/table_model.py" line="74"/>
        <source>Company or activity</source>
        <translation>Bedrijf of activiteit</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/followups/table_model.py" line="79"/>
        <source>Owner</source>
        <translation>Eigenaar</translation>
    </message>
</context>
<context>
    <name>FollowUpsModule</name>
    <message numerus="yes">
        <location filename="../../postkit/ui/followups/module.py" line="57"/>
        <source>%n follow-up(s) due this week</source>
        <translation>
            <numerusform>%n opvolging vervalt deze week</numerusform>
            <numerusform>%n opvolgingen vervallen deze week</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../postkit/ui/followups/module.py" line="59"/>
        <source>Open the follow-up view</source>
        <translation>Het opvolgingsoverzicht openen</translation>
    </message>
</context>
<context>
    <name>FollowUpsPage</name>
    <message>
        <location filename="../../postkit/ui/followups/page.py" line="67"/>
        <source>Follow-up</source>
        <translation>Opvolging</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/followups/page.py" line="75"/>
        <source>Overdue and due this month</source>
        <translation>Te laat en deze maand te doen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/followups/page.py" line="75"/>
        <source>All open</source>
        <translation>Alle open</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/followups/page.py" line="75"/>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/followups/page.py" line="77"/>
        <source>Which follow-ups to show</source>
        <translation>Welke opvolgingen te tonen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/followups/page.py" line="79"/>
        <source>&amp;Show:</source>
        <translation>&amp;Tonen:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/followups/page.py" line="84"/>
        <source>Follow-ups</source>
        <translation>Opvolgingen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/followups/page.py" line="94"/>
        <source>&amp;Met</source>
        <translation>&amp;Nagekomen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/followups/page.py" line="95"/>
        <source>&amp;Not met…</source>
        <translation>Niet na&amp;gekomen…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/followups/page.py" line="96"/>
        <source>&amp;Drop…</source>
        <translation>&amp;Schrappen…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/followups/page.py" line="97"/>
        <source>Open &amp;again</source>
        <translation>&amp;Weer openen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../postkit/ui/followups/page.py" line="150"/>
        <source>%n overdue</source>
        <translation>
            <numerusform>%n te laat</numerusform>
            <numerusform>%n te laat</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../postkit/ui/followups/page.py" line="152"/>
        <source>%n open in this list</source>
        <translation>
            <numerusform>%n open in deze lijst</numerusform>
            <numerusform>%n open in deze lijst</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../postkit/ui/followups/page.py" line="158"/>
        <source>&lt;p&gt;Nothing to follow up here.&lt;/p&gt;&lt;p&gt;Conditions agreed in a screening decision and actions planned in an activity show up here when they fall due.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Hier is niets op te volgen.&lt;/p&gt;&lt;p&gt;Voorwaarden uit een toetsingsbesluit en acties gepland bij een activiteit verschijnen hier wanneer ze vervallen.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/followups/page.py" line="205"/>
        <source>Follow-up met</source>
        <translation>Opvolging nagekomen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/followups/page.py" line="211"/>
        <source>Follow-up opened again</source>
        <translation>Opvolging weer geopend</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/followups/page.py" line="221"/>
        <source>Follow-up dropped</source>
        <translation>Opvolging geschrapt</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/followups/page.py" line="225"/>
        <source>Why is “{0}” dropped? The reason is kept with it.</source>
        <translation>Waarom wordt “{0}” geschrapt? De reden wordt erbij bewaard.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/followups/page.py" line="229"/>
        <source>Drop follow-up</source>
        <translation>Opvolging schrappen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/followups/page.py" line="234"/>
        <source>A reason is required.</source>
        <translation>Een reden is verplicht.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/followups/page.py" line="254"/>
        <source>Follow-up not met</source>
        <translation>Opvolging niet nagekomen</translation>
    </message>
</context>
<context>
    <name>FormView</name>
    <message>
        <location filename="../../postkit/ui/surveys/form_view.py" line="126"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/form_view.py" line="382"/>
        <source>Language of the questions</source>
        <translation>Taal van de vragen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/form_view.py" line="389"/>
        <source>&amp;Language:</source>
        <translation>Taa&amp;l:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/form_view.py" line="391"/>
        <source>Save and &amp;close</source>
        <translation>Opslaan en &amp;sluiten</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/form_view.py" line="392"/>
        <source>Keep the answers as a draft and continue later</source>
        <translation>De antwoorden als concept bewaren en later verdergaan</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/form_view.py" line="406"/>
        <source>Progress</source>
        <translation>Voortgang</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/form_view.py" line="416"/>
        <source>&amp;Back</source>
        <translation>&amp;Terug</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/form_view.py" line="420"/>
        <location filename="../../postkit/ui/surveys/form_view.py" line="1022"/>
        <source>&amp;Next</source>
        <translation>Vol&amp;gende</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/form_view.py" line="423"/>
        <source>&amp;Submit</source>
        <translation>&amp;Verzenden</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/form_view.py" line="997"/>
        <source>Review</source>
        <translation>Nakijken</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/form_view.py" line="1003"/>
        <source>Page {0} of {1}</source>
        <translation>Pagina {0} van {1}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/form_view.py" line="1022"/>
        <source>&amp;Review answers</source>
        <translation>&amp;Antwoorden nakijken</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/form_view.py" line="1127"/>
        <source>Check your answers</source>
        <translation>Kijk uw antwoorden na</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/form_view.py" line="1159"/>
        <source>not answered</source>
        <translation>niet beantwoord</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/form_view.py" line="1185"/>
        <source>{0} of {1} questions answered.</source>
        <translation>{0} van {1} vragen beantwoord.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/form_view.py" line="1188"/>
        <source>Questions to answer or correct before you can submit: {0}. Click one to go to it.</source>
        <translation>Vragen die u nog moet beantwoorden of verbeteren voordat u kunt verzenden: {0}. Klik op een vraag om ernaartoe te gaan.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/form_view.py" line="1192"/>
        <source>Click a question to change its answer, or submit the response.</source>
        <translation>Klik op een vraag om het antwoord te wijzigen, of verzend de inzending.</translation>
    </message>
</context>
<context>
    <name>HeadquartersPage</name>
    <message>
        <location filename="../../postkit/ui/hq/page.py" line="111"/>
        <source>Headquarters</source>
        <translation>Departement</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/page.py" line="114"/>
        <source>Aggregate the survey exports the posts sent into one summary</source>
        <translation>De enquête-exports die de posten stuurden samenvoegen tot één overzicht</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/page.py" line="124"/>
        <source>Add export &amp;files…</source>
        <translation>Export&amp;bestanden toevoegen…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/page.py" line="126"/>
        <source>Choose post exports (.xlsx) to aggregate</source>
        <translation>Kies exports van posten (.xlsx) om samen te voegen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/page.py" line="130"/>
        <source>Add a f&amp;older…</source>
        <translation>&amp;Map toevoegen…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/page.py" line="132"/>
        <source>Aggregate every export (.xlsx) in a folder and its subfolders</source>
        <translation>Alle exports (.xlsx) in een map en de submappen samenvoegen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/page.py" line="136"/>
        <source>&amp;Aggregate</source>
        <translation>&amp;Samenvoegen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/page.py" line="138"/>
        <source>Check the files in the list, store their responses and update the summary</source>
        <translation>De bestanden in de lijst controleren, de inzendingen opslaan en het overzicht bijwerken</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/page.py" line="167"/>
        <source>Files to aggregate</source>
        <translation>Samen te voegen bestanden</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/page.py" line="176"/>
        <source>&amp;Remove</source>
        <translation>&amp;Verwijderen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/page.py" line="177"/>
        <source>Take the selected files off the list</source>
        <translation>De geselecteerde bestanden van de lijst halen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/page.py" line="179"/>
        <source>C&amp;lear list</source>
        <translation>&amp;Lijst leegmaken</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/page.py" line="203"/>
        <source>&lt;h3&gt;No post exports aggregated yet&lt;/h3&gt;&lt;p&gt;Each post sends headquarters its survey export: the .xlsx file made with &lt;b&gt;Export responses…&lt;/b&gt; on its Surveys page.&lt;/p&gt;&lt;p&gt;Add the files with &lt;b&gt;Add export files…&lt;/b&gt;, or a folder of them with &lt;b&gt;Add a folder…&lt;/b&gt; (or drop them on this page), then press &lt;b&gt;Aggregate&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;Every file is checked first: files that are not sound exports of a survey imported here are listed with the reason and left out. Exports of several surveys are aggregated one survey at a time. Aggregating a file again, or a newer export of the same post, never counts a response twice.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Nog geen exports van posten samengevoegd&lt;/h3&gt;&lt;p&gt;Elke post stuurt het departement zijn enquête-export: het .xlsx-bestand dat is gemaakt met &lt;b&gt;Inzendingen exporteren…&lt;/b&gt; op de pagina Enquêtes.&lt;/p&gt;&lt;p&gt;Voeg de bestanden toe met &lt;b&gt;Exportbestanden toevoegen…&lt;/b&gt;, of een map ermee met &lt;b&gt;Map toevoegen…&lt;/b&gt; (of sleep ze naar deze pagina), en klik dan op &lt;b&gt;Samenvoegen&lt;/b&gt;.&lt;/p&gt;&lt;p&gt;Elk bestand wordt eerst gecontroleerd: bestanden die geen juiste export zijn van een hier geïmporteerde enquête, worden met de reden vermeld en buiten beschouwing gelaten. Exports van verschillende enquêtes worden per enquête samengevoegd. Een bestand opnieuw samenvoegen, of een nieuwere export van dezelfde post, telt een inzending nooit twee keer.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/page.py" line="244"/>
        <source>Refused files</source>
        <translation>Geweigerde bestanden</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/page.py" line="245"/>
        <location filename="../../postkit/ui/hq/page.py" line="289"/>
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/page.py" line="245"/>
        <location filename="../../postkit/ui/hq/page.py" line="289"/>
        <source>Post</source>
        <translation>Post</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/page.py" line="245"/>
        <source>What is wrong</source>
        <translation>Wat er mis is</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/page.py" line="265"/>
        <source>Save &amp;summary (.xlsx)…</source>
        <translation>&amp;Overzicht opslaan (.xlsx)…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/page.py" line="268"/>
        <source>Write the summary workbook: one sheet per part, posts first</source>
        <translation>De werkmap met het overzicht opslaan: één werkblad per onderdeel, posten eerst</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/page.py" line="272"/>
        <source>Save report (P&amp;DF)…</source>
        <translation>Rapport opslaan (P&amp;DF)…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/page.py" line="297"/>
        <source>As the l&amp;etter reads it</source>
        <translation>Zoals de b&amp;rief het leest</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/page.py" line="368"/>
        <source>To aggregate — files: {files}, folders: {folders}</source>
        <translation>Samen te voegen — bestanden: {files}, mappen: {folders}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/page.py" line="275"/>
        <source>Write the report of the survey with charts and tables as PDF</source>
        <translation>Het rapport van de enquête met grafieken en tabellen als PDF opslaan</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/page.py" line="288"/>
        <location filename="../../postkit/ui/hq/page.py" line="627"/>
        <source>Replaced responses</source>
        <translation>Vervangen inzendingen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/page.py" line="289"/>
        <source>Response</source>
        <translation>Inzending</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/page.py" line="295"/>
        <source>&amp;Posts</source>
        <translation>&amp;Posten</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/page.py" line="296"/>
        <source>Li&amp;kert items</source>
        <translation>Li&amp;kertitems</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/page.py" line="313"/>
        <source>Add export files</source>
        <translation>Exportbestanden toevoegen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/page.py" line="314"/>
        <source>Survey exports (*.xlsx);;All files (*)</source>
        <translation>Enquête-exports (*.xlsx);;Alle bestanden (*)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/page.py" line="318"/>
        <source>Add a folder of exports</source>
        <translation>Een map met exports toevoegen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/page.py" line="419"/>
        <source>Reading the stored responses…</source>
        <translation>De opgeslagen inzendingen worden gelezen…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/page.py" line="431"/>
        <location filename="../../postkit/ui/hq/page.py" line="450"/>
        <source>Aggregating the post exports…</source>
        <translation>De exports van de posten worden samengevoegd…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/page.py" line="493"/>
        <source>No .xlsx files were found in the folders on the list.</source>
        <translation>In de mappen op de lijst zijn geen .xlsx-bestanden gevonden.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/page.py" line="496"/>
        <source>Aggregated: files accepted {accepted}, refused {refused}. The refused files were left out.</source>
        <translation>Samengevoegd: bestanden geaccepteerd {accepted}, geweigerd {refused}. De geweigerde bestanden zijn buiten beschouwing gelaten.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/page.py" line="500"/>
        <source>Aggregated: files accepted {accepted}.</source>
        <translation>Samengevoegd: bestanden geaccepteerd {accepted}.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/page.py" line="532"/>
        <source>Aggregation cancelled; nothing was stored.</source>
        <translation>Samenvoegen geannuleerd; er is niets opgeslagen.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/page.py" line="447"/>
        <source>Nothing aggregated; the files stay on the list.</source>
        <translation>Niets samengevoegd; de bestanden blijven op de lijst.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../postkit/ui/hq/page.py" line="460"/>
        <source>{title} ({form_id}, version {version}): %n file(s)</source>
        <translation>
            <numerusform>{title} ({form_id}, versie {version}): %n bestand</numerusform>
            <numerusform>{title} ({form_id}, versie {version}): %n bestanden</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/page.py" line="468"/>
        <source>Choose a survey</source>
        <translation>Kies een enquête</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/page.py" line="470"/>
        <source>The files are exports of several surveys. Which survey do you want to aggregate now? The other files stay on the list.</source>
        <translation>De bestanden zijn exports van verschillende enquêtes. Welke enquête wilt u nu samenvoegen? De andere bestanden blijven op de lijst.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../postkit/ui/hq/page.py" line="505"/>
        <source>Exports of other surveys stay on the list: %n file(s).</source>
        <translation>
            <numerusform>Exports van andere enquêtes blijven op de lijst: %n bestand.</numerusform>
            <numerusform>Exports van andere enquêtes blijven op de lijst: %n bestanden.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/page.py" line="580"/>
        <source>{title} · version {version}</source>
        <translation>{title} · versie {version}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/page.py" line="586"/>
        <source>&lt;b&gt;In the summary:&lt;/b&gt; responses {responses} · posts {posts} · regions {regions} · missing posts {missing}</source>
        <translation>&lt;b&gt;In het overzicht:&lt;/b&gt; inzendingen {responses} · posten {posts} · regio&apos;s {regions} · ontbrekende posten {missing}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/page.py" line="607"/>
        <source>&lt;b&gt;Last aggregation:&lt;/b&gt; files accepted {accepted}, refused {refused} · responses added {added}, replaced {replaced}, unchanged {unchanged}</source>
        <translation>&lt;b&gt;Laatste samenvoeging:&lt;/b&gt; bestanden geaccepteerd {accepted}, geweigerd {refused} · inzendingen toegevoegd {added}, vervangen {replaced}, ongewijzigd {unchanged}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/page.py" line="617"/>
        <source> · older than the stored version, kept out {outdated}</source>
        <translation> · ouder dan de opgeslagen versie, buiten beschouwing gelaten {outdated}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/page.py" line="657"/>
        <source>Refused and left out: {count}. Ask the posts concerned for a new export.</source>
        <translation>Geweigerd en buiten beschouwing gelaten: {count}. Vraag de betrokken posten om een nieuwe export.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/page.py" line="688"/>
        <source>Save the summary</source>
        <translation>Overzicht opslaan</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/page.py" line="690"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-werkmap (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/page.py" line="696"/>
        <source>Writing the summary…</source>
        <translation>Het overzicht wordt gemaakt…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/page.py" line="699"/>
        <source>Summary written to {0}</source>
        <translation>Overzicht opgeslagen in {0}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/page.py" line="709"/>
        <source>Save the report</source>
        <translation>Rapport opslaan</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/page.py" line="711"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF-document (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/page.py" line="717"/>
        <source>Writing the report…</source>
        <translation>Het rapport wordt gemaakt…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/page.py" line="725"/>
        <source>Report written to {0}</source>
        <translation>Rapport opgeslagen in {0}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/page.py" line="102"/>
        <source>Survey</source>
        <translation>Enquête</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/page.py" line="103"/>
        <source>Network</source>
        <translation>Netwerk</translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="255"/>
        <source>already here in this version</source>
        <translation>al aanwezig in deze versie</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="258"/>
        <source>this post has a newer version</source>
        <translation>deze post heeft een nieuwere versie</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="261"/>
        <source>same content as the version here</source>
        <translation>dezelfde inhoud als de versie hier</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="264"/>
        <source>this conflicting version already waits for a choice</source>
        <translation>deze tegenstrijdige versie wacht al op een keuze</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="281"/>
        <source>Import finished</source>
        <translation>Importeren voltooid</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="304"/>
        <source>Resolve conflicts…</source>
        <translation>Conflicten oplossen…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="315"/>
        <source>{0} added</source>
        <translation>{0} toegevoegd</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="316"/>
        <source>{0} updated</source>
        <translation>{0} bijgewerkt</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="317"/>
        <source>{0} unchanged</source>
        <translation>{0} ongewijzigd</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="320"/>
        <source>{0} in conflict</source>
        <translation>{0} in conflict</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="325"/>
        <source>1 file not imported</source>
        <translation>1 bestand niet geïmporteerd</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="326"/>
        <source>{0} files not imported</source>
        <translation>{0} bestanden niet geïmporteerd</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="342"/>
        <source>Added</source>
        <translation>Toegevoegd</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="343"/>
        <source>Updated to the newer version</source>
        <translation>Bijgewerkt naar de nieuwere versie</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="345"/>
        <source>In conflict: edited here and at the other post</source>
        <translation>In conflict: hier en bij de andere post bewerkt</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="350"/>
        <source>Unchanged</source>
        <translation>Ongewijzigd</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="357"/>
        <source>Files not imported (nothing was taken from them)</source>
        <translation>Niet geïmporteerde bestanden (er is niets uit overgenomen)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="365"/>
        <source>&lt;p&gt;The files held no practices.&lt;/p&gt;</source>
        <translation>&lt;p&gt;De bestanden bevatten geen voorbeelden.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>Job</name>
    <message>
        <location filename="../../postkit/ui/ops.py" line="81"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
<context>
    <name>LetterView</name>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="580"/>
        <source>Break down by</source>
        <translation>Uitsplitsen naar</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="582"/>
        <source>No breakdown (all respondents)</source>
        <translation>Geen uitsplitsing (alle respondenten)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="584"/>
        <source>Region</source>
        <translation>Regio</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="585"/>
        <source>Amount of Dutch business</source>
        <translation>Omvang Nederlands bedrijfsleven</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="586"/>
        <source>Role</source>
        <translation>Functie</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="588"/>
        <source>Break &amp;down by:</source>
        <translation>&amp;Uitsplitsen naar:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="599"/>
        <source>The guidelines as the letter reads them</source>
        <translation>De richtlijnen zoals de brief ze leest</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="602"/>
        <source>Share agreeing per quality</source>
        <translation>Aandeel eens per eigenschap</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="604"/>
        <source>Active on each core task, by amount of Dutch business</source>
        <translation>Actief op elke kerntaak, naar omvang Nederlands bedrijfsleven</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="606"/>
        <source>Activity per core task</source>
        <translation>Activiteit per kerntaak</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="639"/>
        <source>Clear</source>
        <translation>Duidelijk</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="640"/>
        <source>Workable</source>
        <translation>Werkbaar</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="641"/>
        <source>User-friendly</source>
        <translation>Gebruiksvriendelijk</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="642"/>
        <source>Clear, workable and user-friendly together</source>
        <translation>Duidelijk, werkbaar en gebruiksvriendelijk samen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="653"/>
        <source>This survey marks no questions for the letter&apos;s reading: mark them in the form&apos;s postkit::measure column (surveys/README.md says how).</source>
        <translation>Deze vragenlijst markeert geen vragen voor de lezing van de brief: markeer ze in de kolom postkit::measure van het formulier (surveys/README.md legt uit hoe).</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="661"/>
        <source>&lt;b&gt;{share} found the guidelines clear, workable and user-friendly together&lt;/b&gt; ({agreeing} of the {answered} who answered all three).</source>
        <translation>&lt;b&gt;{share} vond de richtlijnen duidelijk, werkbaar en gebruiksvriendelijk samen&lt;/b&gt; ({agreeing} van de {answered} die alle drie beantwoordden).</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="672"/>
        <source>The form marks not all three of clarity, workability and user-friendliness.</source>
        <translation>Het formulier markeert niet alle drie: duidelijkheid, werkbaarheid en gebruiksvriendelijkheid.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="695"/>
        <source>Guidelines found</source>
        <translation>Richtlijnen beoordeeld als</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="696"/>
        <source>Answered</source>
        <translation>Beantwoord</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="697"/>
        <source>Agreeing</source>
        <translation>Eens</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="698"/>
        <location filename="../../postkit/ui/hq/summary_view.py" line="741"/>
        <source>Share agreeing</source>
        <translation>Aandeel eens</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="719"/>
        <source>{agreeing} of {answered} agree</source>
        <translation>{agreeing} van {answered} eens</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="745"/>
        <source>Agreeing: 4 or 5 on the item marked for each quality, of those who answered it. Together: of those who answered all three; a respondent who skipped one of the three is left out.</source>
        <translation>Eens: 4 of 5 op het item dat voor elke eigenschap is gemarkeerd, van wie het beantwoordde. Samen: van wie alle drie beantwoordde; wie een van de drie oversloeg, telt niet mee.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="762"/>
        <source>Core task</source>
        <translation>Kerntaak</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="762"/>
        <source>All posts</source>
        <translation>Alle posten</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="775"/>
        <source>{active} of {answered} active</source>
        <translation>{active} van {answered} actief</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="787"/>
        <source>Share of respondents answering one of: {0}; of those who answered.</source>
        <translation>Aandeel respondenten dat een van deze antwoorden gaf: {0}; van wie antwoordde.</translation>
    </message>
</context>
<context>
    <name>LikertView</name>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="283"/>
        <source>Items</source>
        <translation>Items</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="286"/>
        <source>Break down by</source>
        <translation>Uitsplitsen naar</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="287"/>
        <source>No breakdown (all posts)</source>
        <translation>Niet uitsplitsen (alle posten)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="288"/>
        <source>Region</source>
        <translation>Regio</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="289"/>
        <source>Amount of Dutch business</source>
        <translation>Omvang Nederlands bedrijfsleven</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="292"/>
        <source>Agreeing: 4 or 5 on the 5-point scale, of those who answered the item.</source>
        <translation>Eens: 4 of 5 op de vijfpuntsschaal, van wie het item heeft beantwoord.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="299"/>
        <source>&amp;Items:</source>
        <translation>&amp;Items:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="301"/>
        <source>&amp;Break down by:</source>
        <translation>&amp;Uitsplitsen naar:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="311"/>
        <source>Likert items</source>
        <translation>Likertitems</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="317"/>
        <source>Share agreeing per item</source>
        <translation>Aandeel eens per item</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="321"/>
        <source>Share agreeing per item and group</source>
        <translation>Aandeel eens per item en groep</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="376"/>
        <source>All items</source>
        <translation>Alle items</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="431"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="432"/>
        <source>Item</source>
        <translation>Item</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="433"/>
        <source>Answered</source>
        <translation>Beantwoord</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="434"/>
        <source>Agree</source>
        <translation>Eens</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="435"/>
        <location filename="../../postkit/ui/hq/summary_view.py" line="522"/>
        <source>Share agreeing</source>
        <translation>Aandeel eens</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="436"/>
        <source>Mean (1–5)</source>
        <translation>Gemiddelde (1–5)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="441"/>
        <source>Share agreeing among the posts of {0}</source>
        <translation>Aandeel eens onder de posten van {0}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="475"/>
        <source>{group}: {agree} of {answered} agree</source>
        <translation>{group}: {agree} van {answered} eens</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="518"/>
        <source>Share agreeing per item in %, all posts</source>
        <translation>Aandeel eens per item in %, alle posten</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="531"/>
        <source>Share agreeing in % per item (by number) and region</source>
        <translation>Aandeel eens in % per item (op nummer) en regio</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="533"/>
        <source>Share agreeing in % per item (by number) and amount of Dutch business</source>
        <translation>Aandeel eens in % per item (op nummer) en omvang Nederlands bedrijfsleven</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../postkit/ui/main_window.py" line="120"/>
        <source>Opening the post&apos;s database…</source>
        <translation>De database van de post wordt geopend…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/main_window.py" line="269"/>
        <source>Modules</source>
        <translation>Modules</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/module.py" line="31"/>
        <source>Activities</source>
        <translation>Activiteiten</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/module.py" line="332"/>
        <source>Dashboard</source>
        <translation>Dashboard</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/module.py" line="21"/>
        <source>IMVO conditions</source>
        <translation>IMVO-voorwaarden</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/module.py" line="22"/>
        <source>Good practices</source>
        <translation>Goede voorbeelden</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/module.py" line="21"/>
        <source>Surveys</source>
        <translation>Enquêtes</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/module.py" line="20"/>
        <source>Headquarters</source>
        <translation>Departement</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/main_window.py" line="292"/>
        <source>&amp;Undo</source>
        <translation>&amp;Ongedaan maken</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/main_window.py" line="294"/>
        <source>&amp;Redo</source>
        <translation>Opnieuw &amp;uitvoeren</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/main_window.py" line="290"/>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/main_window.py" line="290"/>
        <source>&amp;Edit</source>
        <translation>Be&amp;werken</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/main_window.py" line="298"/>
        <source>&amp;View</source>
        <translation>Beel&amp;d</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/module.py" line="22"/>
        <source>&amp;Screening</source>
        <translation>&amp;Toetsing</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/module.py" line="23"/>
        <source>&amp;Practices</source>
        <translation>Goede &amp;voorbeelden</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/module.py" line="22"/>
        <source>S&amp;urveys</source>
        <translation>&amp;Enquêtes</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/module.py" line="21"/>
        <source>Head&amp;quarters</source>
        <translation>De&amp;partement</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/main_window.py" line="307"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/main_window.py" line="136"/>
        <source>Main toolbar</source>
        <translation>Hoofdwerkbalk</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/main_window.py" line="365"/>
        <source>(demo data)</source>
        <translation>(demogegevens)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/followups/module.py" line="23"/>
        <source>Follow-up</source>
        <translation>Opvolging</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/followups/module.py" line="24"/>
        <source>F&amp;ollow-up</source>
        <translation>&amp;Opvolging</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/module.py" line="31"/>
        <source>Companies</source>
        <translation>Bedrijven</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/module.py" line="32"/>
        <source>Co&amp;mpanies</source>
        <translation>Bedr&amp;ijven</translation>
    </message>
</context>
<context>
    <name>MatchTableModel</name>
    <message>
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="59"/>
        <source>company</source>
        <translation>bedrijf</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="61"/>
        <source>director</source>
        <translation>bestuurder</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="71"/>
        <source>Screened name</source>
        <translation>Getoetste naam</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="72"/>
        <source>Listed name</source>
        <translation>Naam op de lijst</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="74"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="79"/>
        <source>Judgement</source>
        <translation>Oordeel</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="83"/>
        <source>List</source>
        <translation>Lijst</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="108"/>
        <source>Judged before this screening by {0} on {1}: {2}</source>
        <translation>Beoordeeld vóór deze toetsing door {0} op {1}: {2}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="112"/>
        <source>Matched on: {0}</source>
        <translation>Gevonden op: {0}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="131"/>
        <source>{0} · removed from the list</source>
        <translation>{0} · van de lijst gehaald</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="135"/>
        <source>{0} · new</source>
        <translation>{0} · nieuw</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="137"/>
        <source>{0} · earlier</source>
        <translation>{0} · eerder</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../postkit/ui/companies/page.py" line="335"/>
        <source>{0} activities, {1} screenings</source>
        <translation>{0} activiteiten, {1} toetsingen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/page.py" line="346"/>
        <source>Merge two records of one company</source>
        <translation>Twee records van één bedrijf samenvoegen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/page.py" line="349"/>
        <source>Keep one record; the other is merged into it. Its activities, requests, practices, follow-ups, trade names and contact persons move to the one kept.</source>
        <translation>Houd één record; het andere wordt erin samengevoegd. Zijn activiteiten, aanvragen, goede voorbeelden, opvolging, handelsnamen en contactpersonen gaan naar het record dat blijft.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/page.py" line="360"/>
        <source>Keep “{0}”{1}</source>
        <translation>“{0}”{1} houden</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/page.py" line="375"/>
        <source>&amp;Merge</source>
        <translation>&amp;Samenvoegen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/page.py" line="392"/>
        <source>“{0}” is merged into “{1}”.</source>
        <translation>“{0}” wordt samengevoegd met “{1}”.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/page.py" line="395"/>
        <source>Moving: {0}.</source>
        <translation>Gaat mee: {0}.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/companies/page.py" line="396"/>
        <source>Edit ▸ Undo splits them again.</source>
        <translation>Bewerken ▸ Ongedaan maken splitst ze weer.</translation>
    </message>
</context>
<context>
    <name>NarrativeDialog</name>
    <message>
        <location filename="../../postkit/ui/activities/narrative_dialog.py" line="24"/>
        <source>Annual return {0}</source>
        <translation>Jaarrapportage {0}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/narrative_dialog.py" line="28"/>
        <source>Headquarters reads these lines in the network&apos;s picture of the year. Do not name people or companies: names the post&apos;s database knows are removed from the return.</source>
        <translation>Het departement leest deze tekst in het beeld van het postennetwerk over het jaar. Noem geen personen of bedrijven: namen die in de database van de post staan, worden uit de rapportage verwijderd.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/narrative_dialog.py" line="38"/>
        <source>&amp;Results:</source>
        <translation>&amp;Resultaten:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/narrative_dialog.py" line="39"/>
        <source>&amp;Obstacles:</source>
        <translation>&amp;Belemmeringen:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/narrative_dialog.py" line="40"/>
        <source>&amp;Plans:</source>
        <translation>&amp;Plannen:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/narrative_dialog.py" line="49"/>
        <source>&amp;Next…</source>
        <translation>&amp;Volgende…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/activities/narrative_dialog.py" line="50"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
</context>
<context>
    <name>NetworkView</name>
    <message>
        <location filename="../../postkit/ui/hq/network_view.py" line="66"/>
        <source>&amp;Read returns…</source>
        <translation>&amp;Jaaropgaven inlezen…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/network_view.py" line="68"/>
        <source>Check and hold every annual return (.xlsx) in a folder</source>
        <translation>Elke jaaropgave (.xlsx) in een map controleren en bewaren</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/network_view.py" line="75"/>
        <source>Year</source>
        <translation>Jaar</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/network_view.py" line="77"/>
        <source>Save &amp;tables (.xlsx)…</source>
        <translation>&amp;Tabellen opslaan (.xlsx)…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/network_view.py" line="79"/>
        <source>Save &amp;network report (PDF)…</source>
        <translation>&amp;Netwerkrapport opslaan (PDF)…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/network_view.py" line="84"/>
        <source>Year:</source>
        <translation>Jaar:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/network_view.py" line="95"/>
        <location filename="../../postkit/ui/hq/network_view.py" line="123"/>
        <source>Core tasks</source>
        <translation>Kerntaken</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/network_view.py" line="96"/>
        <location filename="../../postkit/ui/hq/network_view.py" line="115"/>
        <source>Core task</source>
        <translation>Kerntaak</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/network_view.py" line="96"/>
        <source>Posts active</source>
        <translation>Posten actief</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/network_view.py" line="96"/>
        <location filename="../../postkit/ui/hq/network_view.py" line="108"/>
        <source>Activities</source>
        <translation>Activiteiten</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/network_view.py" line="97"/>
        <source>Unique companies</source>
        <translation>Unieke bedrijven</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/network_view.py" line="97"/>
        <source>Activities last year</source>
        <translation>Activiteiten vorig jaar</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/network_view.py" line="100"/>
        <location filename="../../postkit/ui/hq/network_view.py" line="124"/>
        <source>Regions</source>
        <translation>Regio&apos;s</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/network_view.py" line="101"/>
        <location filename="../../postkit/ui/hq/network_view.py" line="112"/>
        <source>Region</source>
        <translation>Regio</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/network_view.py" line="101"/>
        <location filename="../../postkit/ui/hq/network_view.py" line="105"/>
        <location filename="../../postkit/ui/hq/network_view.py" line="108"/>
        <location filename="../../postkit/ui/hq/network_view.py" line="115"/>
        <source>Posts</source>
        <translation>Posten</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/network_view.py" line="104"/>
        <location filename="../../postkit/ui/hq/network_view.py" line="105"/>
        <location filename="../../postkit/ui/hq/network_view.py" line="112"/>
        <location filename="../../postkit/ui/hq/network_view.py" line="125"/>
        <source>Dutch business</source>
        <translation>Nederlands bedrijfsleven</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/network_view.py" line="108"/>
        <location filename="../../postkit/ui/hq/network_view.py" line="126"/>
        <source>Themes</source>
        <translation>Thema&apos;s</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/network_view.py" line="108"/>
        <source>Theme</source>
        <translation>Thema</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/network_view.py" line="111"/>
        <source>Posts missing</source>
        <translation>Ontbrekende posten</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/network_view.py" line="112"/>
        <location filename="../../postkit/ui/hq/network_view.py" line="118"/>
        <source>Post</source>
        <translation>Post</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/network_view.py" line="115"/>
        <source>No activity on a core task</source>
        <translation>Geen activiteit op een kerntaak</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/network_view.py" line="118"/>
        <source>Refused files</source>
        <translation>Geweigerde bestanden</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/network_view.py" line="118"/>
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/network_view.py" line="118"/>
        <source>What is wrong</source>
        <translation>Wat er mis is</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/network_view.py" line="127"/>
        <source>Missing</source>
        <translation>Ontbrekend</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/network_view.py" line="128"/>
        <source>No activity</source>
        <translation>Geen activiteit</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/network_view.py" line="129"/>
        <source>Refused</source>
        <translation>Geweigerd</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/network_view.py" line="145"/>
        <source>Task {0} active</source>
        <translation>Taak {0} actief</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/network_view.py" line="150"/>
        <source>Read the annual returns in a folder</source>
        <translation>De jaaropgaven in een map inlezen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/network_view.py" line="163"/>
        <source>Reading the annual returns…</source>
        <translation>De jaaropgaven worden ingelezen…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/network_view.py" line="175"/>
        <source>Adding up the returns…</source>
        <translation>De jaaropgaven worden opgeteld…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/network_view.py" line="190"/>
        <source>Reading the returns held…</source>
        <translation>De bewaarde jaaropgaven worden gelezen…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/network_view.py" line="198"/>
        <source>Save the network tables</source>
        <translation>De netwerktabellen opslaan</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/network_view.py" line="200"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-werkmap (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/network_view.py" line="206"/>
        <source>Writing the network tables…</source>
        <translation>De netwerktabellen worden geschreven…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/network_view.py" line="218"/>
        <source>Save the network report</source>
        <translation>Het netwerkrapport opslaan</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/network_view.py" line="220"/>
        <source>PDF document (*.pdf)</source>
        <translation>PDF-document (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/network_view.py" line="226"/>
        <source>Writing the network report…</source>
        <translation>Het netwerkrapport wordt geschreven…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/network_view.py" line="251"/>
        <source>Reading cancelled; no return was held.</source>
        <translation>Inlezen geannuleerd; er is geen jaaropgave bewaard.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/network_view.py" line="265"/>
        <source>{0} returns read, {1} refused</source>
        <translation>{0} jaaropgaven ingelezen, {1} geweigerd</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/network_view.py" line="283"/>
        <source>Written to {0}</source>
        <translation>Geschreven naar {0}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/network_view.py" line="311"/>
        <source>No annual returns held yet: read a folder of the posts&apos; returns.</source>
        <translation>Nog geen jaaropgaven bewaard: lees een map met de jaaropgaven van de posten in.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/network_view.py" line="317"/>
        <source>&lt;b&gt;{0}&lt;/b&gt;: returns of &lt;b&gt;{1}&lt;/b&gt; of the {2} posts on the list; &lt;b&gt;{3}&lt;/b&gt; missing; {4} refused files.</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt;: jaaropgaven van &lt;b&gt;{1}&lt;/b&gt; van de {2} posten op de lijst; &lt;b&gt;{3}&lt;/b&gt; ontbreken; {4} geweigerde bestanden.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/network_view.py" line="363"/>
        <source>Refused ({0})</source>
        <translation>Geweigerd ({0})</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/network_view.py" line="364"/>
        <source>Missing ({0})</source>
        <translation>Ontbrekend ({0})</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/network_view.py" line="368"/>
        <source>not on the list</source>
        <translation>niet op de lijst</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/network_view.py" line="368"/>
        <source>none</source>
        <translation>geen</translation>
    </message>
</context>
<context>
    <name>NotMetDialog</name>
    <message>
        <location filename="../../postkit/ui/followups/page.py" line="306"/>
        <source>Not met</source>
        <translation>Niet nagekomen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/followups/page.py" line="307"/>
        <source>“{0}” was not met.</source>
        <translation>“{0}” is niet nagekomen.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/followups/page.py" line="310"/>
        <source>What was found, whom you spoke to</source>
        <translation>Wat u vond, met wie u sprak</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/followups/page.py" line="312"/>
        <source>&amp;What was found:</source>
        <translation>&amp;Bevinding:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/followups/page.py" line="318"/>
        <source>&amp;Plan this step as a follow-up</source>
        <translation>Deze stap &amp;plannen als opvolging</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/followups/page.py" line="330"/>
        <source>Step:</source>
        <translation>Stap:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/followups/page.py" line="331"/>
        <source>Due:</source>
        <translation>Uiterlijk:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/followups/page.py" line="332"/>
        <source>Owner:</source>
        <translation>Eigenaar:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/followups/page.py" line="341"/>
        <source>Record not met</source>
        <translation>Niet nagekomen vastleggen</translation>
    </message>
</context>
<context>
    <name>OpenStepsDialog</name>
    <message>
        <location filename="../../postkit/ui/screening/decision_panel.py" line="608"/>
        <source>Decide with open steps</source>
        <translation>Besluiten met open stappen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/decision_panel.py" line="611"/>
        <source>The checklist is not complete: {count} open step(s), listed below. Record “{outcome}” for {company} anyway?</source>
        <translation>De checklist is niet compleet: {count} open stap(pen), hieronder genoemd. Toch „{outcome}” vastleggen voor {company}?</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/decision_panel.py" line="618"/>
        <source>Open steps</source>
        <translation>Open stappen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/decision_panel.py" line="623"/>
        <source>Step {number}: {question}</source>
        <translation>Stap {number}: {question}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/decision_panel.py" line="629"/>
        <source>Why you decide before these are answered</source>
        <translation>Waarom u besluit voordat deze zijn beantwoord</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/decision_panel.py" line="632"/>
        <source>&amp;Reason to decide anyway (required; kept with the decision and printed in the decision record):</source>
        <translation>&amp;Reden om toch te besluiten (verplicht; wordt bij het besluit bewaard en in het besluitverslag afgedrukt):</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/decision_panel.py" line="641"/>
        <source>Decide anyway</source>
        <translation>Toch besluiten</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../postkit/ui/passphrase_dialog.py" line="43"/>
        <source>&amp;Show the characters</source>
        <translation>&amp;Tekens tonen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/passphrase_dialog.py" line="46"/>
        <source>Also give the attached files a new &amp;key</source>
        <translation>Ook de bijgevoegde bestanden een nieuwe &amp;sleutel geven</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/passphrase_dialog.py" line="100"/>
        <source>Every attached file is sealed again under a new key, which takes longer. Do it when the old passphrase may be known; without it, the files keep their key and only the passphrase that unlocks it changes.</source>
        <translation>Elk bijgevoegd bestand wordt opnieuw verzegeld met een nieuwe sleutel; dat duurt langer. Doe dit als de oude wachtzin bekend kan zijn; zonder dit houden de bestanden hun sleutel en verandert alleen de wachtzin die die sleutel ontgrendelt.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/passphrase_dialog.py" line="62"/>
        <source>Protected database</source>
        <translation>Beveiligde database</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/passphrase_dialog.py" line="65"/>
        <source>The post&apos;s database {0} is protected with a passphrase. Enter the passphrase to open it.</source>
        <translation>De database van de post {0} is beveiligd met een wachtzin. Voer de wachtzin in om hem te openen.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/passphrase_dialog.py" line="69"/>
        <source>&amp;Open</source>
        <translation>&amp;Openen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/passphrase_dialog.py" line="70"/>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/passphrase_dialog.py" line="71"/>
        <source>&amp;Passphrase:</source>
        <translation>&amp;Wachtzin:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/passphrase_dialog.py" line="74"/>
        <source>Nobody can open the post&apos;s data without the passphrase: not a colleague, not headquarters, not the makers of postkit. Write it down and keep it in a safe place. Backups are encrypted with it too.</source>
        <translation>Zonder de wachtzin kan niemand de gegevens van de post openen: geen collega, niet het departement en ook niet de makers van postkit. Schrijf de wachtzin op en bewaar hem op een veilige plek. Ook back-ups worden ermee versleuteld.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/passphrase_dialog.py" line="79"/>
        <source>Protect with a passphrase</source>
        <translation>Beveiligen met een wachtzin</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/passphrase_dialog.py" line="82"/>
        <source>The database is encrypted on this computer. postkit asks for the passphrase each time it starts.</source>
        <translation>De database is op deze computer versleuteld. postkit vraagt bij elke start om de wachtzin.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/passphrase_dialog.py" line="88"/>
        <source>&amp;Protect</source>
        <translation>&amp;Beveiligen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/passphrase_dialog.py" line="90"/>
        <source>Change passphrase</source>
        <translation>Wachtzin wijzigen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/passphrase_dialog.py" line="92"/>
        <source>&amp;Change</source>
        <translation>&amp;Wijzigen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/passphrase_dialog.py" line="93"/>
        <source>&amp;Current passphrase:</source>
        <translation>&amp;Huidige wachtzin:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/passphrase_dialog.py" line="94"/>
        <source>&amp;New passphrase:</source>
        <translation>&amp;Nieuwe wachtzin:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/passphrase_dialog.py" line="95"/>
        <source>&amp;Repeat it:</source>
        <translation>He&amp;rhaal de wachtzin:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../postkit/ui/passphrase_dialog.py" line="153"/>
        <source>The new passphrase needs at least %n characters.</source>
        <translation>
            <numerusform>De nieuwe wachtzin moet ten minste %n teken lang zijn.</numerusform>
            <numerusform>De nieuwe wachtzin moet ten minste %n tekens lang zijn.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../postkit/ui/passphrase_dialog.py" line="156"/>
        <source>The passphrase cannot start or end with a space.</source>
        <translation>De wachtzin mag niet met een spatie beginnen of eindigen.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/passphrase_dialog.py" line="158"/>
        <source>The two new passphrases differ.</source>
        <translation>De twee nieuwe wachtzinnen verschillen.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/passphrase_dialog.py" line="160"/>
        <source>The new passphrase is the same as the current one.</source>
        <translation>De nieuwe wachtzin is gelijk aan de huidige.</translation>
    </message>
</context>
<context>
    <name>PostCommands</name>
    <message>
        <location filename="../../postkit/ui/post_commands.py" line="95"/>
        <source>Working as {0}</source>
        <translation>U werkt als {0}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/post_commands.py" line="116"/>
        <source>The new language applies when postkit starts again.</source>
        <translation>De nieuwe taal gaat in wanneer postkit opnieuw start.</translation>
    </message>
</context>
<context>
    <name>PostsView</name>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="112"/>
        <source>Responses per post</source>
        <translation>Inzendingen per post</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="114"/>
        <source>Post</source>
        <translation>Post</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="115"/>
        <source>Region</source>
        <translation>Regio</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="116"/>
        <source>Dutch business</source>
        <translation>Nederlands bedrijfsleven</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="117"/>
        <location filename="../../postkit/ui/hq/summary_view.py" line="217"/>
        <source>Responses</source>
        <translation>Inzendingen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="118"/>
        <source>Latest export</source>
        <translation>Laatste export</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="132"/>
        <location filename="../../postkit/ui/hq/summary_view.py" line="137"/>
        <source>Responses per region</source>
        <translation>Inzendingen per regio</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="186"/>
        <source>none counted</source>
        <translation>geen geteld</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="194"/>
        <source>No response of this post could be counted</source>
        <translation>Van deze post kon geen inzending worden geteld</translation>
    </message>
    <message numerus="yes">
        <location filename="../../postkit/ui/hq/summary_view.py" line="205"/>
        <source>&lt;b&gt;%n of {0} expected posts have no response counted&lt;/b&gt; (listed in red below).</source>
        <translation>
            <numerusform>&lt;b&gt;Van %n van de {0} verwachte posten is geen inzending geteld&lt;/b&gt; (hieronder in het rood).</numerusform>
            <numerusform>&lt;b&gt;Van %n van de {0} verwachte posten is geen inzending geteld&lt;/b&gt; (hieronder in het rood).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/summary_view.py" line="213"/>
        <source>No expected post is missing.</source>
        <translation>Er ontbreekt geen verwachte post.</translation>
    </message>
</context>
<context>
    <name>PracticeCardDelegate</name>
    <message>
        <location filename="../../postkit/ui/practices/cards.py" line="238"/>
        <source>Draft</source>
        <translation>Concept</translation>
    </message>
</context>
<context>
    <name>PracticeDialog</name>
    <message>
        <location filename="../../postkit/ui/practices/editor.py" line="56"/>
        <source>Edit good practice</source>
        <translation>Goed voorbeeld bewerken</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/editor.py" line="56"/>
        <source>New good practice</source>
        <translation>Nieuw goed voorbeeld</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/editor.py" line="61"/>
        <source>&amp;Practice</source>
        <translation>&amp;Voorbeeld</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/editor.py" line="62"/>
        <source>&amp;Story</source>
        <translation>Ve&amp;rhaal</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/editor.py" line="63"/>
        <source>&amp;Themes and sectors</source>
        <translation>T&amp;hema&apos;s en sectoren</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/editor.py" line="64"/>
        <source>&amp;Contact and files</source>
        <translation>&amp;Contact en bestanden</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/editor.py" line="67"/>
        <source>Text fields take Markdown: **bold**, *italic*, lists with - or 1.</source>
        <translation>Tekstvelden ondersteunen Markdown: **vet**, *cursief*, lijsten met - of 1.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/editor.py" line="70"/>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/editor.py" line="87"/>
        <source>What the post did, in a few words</source>
        <translation>Wat de post deed, in een paar woorden</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/editor.py" line="96"/>
        <source>Embassy or consulate</source>
        <translation>Ambassade of consulaat</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/editor.py" line="97"/>
        <source>(none)</source>
        <translation>(geen)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/editor.py" line="100"/>
        <source>(unknown)</source>
        <translation>(onbekend)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/editor.py" line="109"/>
        <source>Only published practices go out with “all published”</source>
        <translation>Alleen gepubliceerde voorbeelden gaan mee met “alle gepubliceerde”</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/editor.py" line="111"/>
        <source>Two or three sentences other posts see on the card</source>
        <translation>Twee of drie zinnen die andere posten op de kaart zien</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/editor.py" line="113"/>
        <source>T&amp;itle:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/editor.py" line="114"/>
        <source>Core tas&amp;ks:</source>
        <translation>&amp;Kerntaken:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/editor.py" line="117"/>
        <source>P&amp;ost:</source>
        <translation>&amp;Post:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/editor.py" line="118"/>
        <source>Cou&amp;ntry:</source>
        <translation>&amp;Land:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/editor.py" line="119"/>
        <source>&amp;Year:</source>
        <translation>&amp;Jaar:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/editor.py" line="120"/>
        <source>&amp;Language:</source>
        <translation>T&amp;aal:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/editor.py" line="121"/>
        <source>St&amp;atus:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/editor.py" line="122"/>
        <source>S&amp;ummary:</source>
        <translation>Sa&amp;menvatting:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/editor.py" line="127"/>
        <source>The situation and why the post acted</source>
        <translation>De situatie en waarom de post in actie kwam</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/editor.py" line="131"/>
        <source>What another post should know before trying</source>
        <translation>Wat een andere post moet weten voordat die het probeert</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/editor.py" line="132"/>
        <source>Conte&amp;xt:</source>
        <translation>Conte&amp;xt:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/editor.py" line="133"/>
        <source>What was &amp;done:</source>
        <translation>Wat er is ge&amp;daan:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/editor.py" line="134"/>
        <source>What &amp;worked:</source>
        <translation>Wat &amp;werkte:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/editor.py" line="135"/>
        <source>What did &amp;not work:</source>
        <translation>Wat &amp;niet werkte:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/editor.py" line="136"/>
        <source>L&amp;essons for other posts:</source>
        <translation>L&amp;essen voor andere posten:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/editor.py" line="141"/>
        <source>Optional: who to ask at the post</source>
        <translation>Optioneel: bij wie u op de post terechtkunt</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/editor.py" line="143"/>
        <source>Con&amp;tact:</source>
        <translation>Con&amp;tact:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/editor.py" line="145"/>
        <source>Companies in&amp;volved:</source>
        <translation>&amp;Betrokken bedrijven:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/editor.py" line="146"/>
        <source>Tools and templates:</source>
        <translation>Hulpmiddelen en sjablonen:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/editor.py" line="213"/>
        <source>Give the practice a title.</source>
        <translation>Geef het voorbeeld een titel.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/editor.py" line="214"/>
        <source>Tick at least one core task.</source>
        <translation>Vink ten minste één kerntaak aan.</translation>
    </message>
</context>
<context>
    <name>PracticeLabels</name>
    <message>
        <location filename="../../postkit/ui/practices/labels.py" line="34"/>
        <source>Published</source>
        <translation>Gepubliceerd</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/labels.py" line="36"/>
        <source>Draft</source>
        <translation>Concept</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/labels.py" line="49"/>
        <source>Not marked as used yet</source>
        <translation>Nog niet als gebruikt gemarkeerd</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/labels.py" line="51"/>
        <source>Used by one post</source>
        <translation>Gebruikt door één post</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/labels.py" line="52"/>
        <source>Used by {0} posts</source>
        <translation>Gebruikt door {0} posten</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/labels.py" line="66"/>
        <source>1 practice</source>
        <translation>1 voorbeeld</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/labels.py" line="67"/>
        <source>{0} practices</source>
        <translation>{0} voorbeelden</translation>
    </message>
</context>
<context>
    <name>PracticeReader</name>
    <message>
        <location filename="../../postkit/ui/practices/reader.py" line="100"/>
        <source>&amp;Library</source>
        <translation>&amp;Bibliotheek</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/reader.py" line="102"/>
        <source>Back to the library (Esc)</source>
        <translation>Terug naar de bibliotheek (Esc)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/reader.py" line="106"/>
        <location filename="../../postkit/ui/practices/reader.py" line="304"/>
        <source>&amp;Mark as used at our post</source>
        <translation>Als &amp;gebruikt op onze post markeren</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/reader.py" line="111"/>
        <source>&amp;Edit…</source>
        <translation>Be&amp;werken…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/reader.py" line="114"/>
        <source>&amp;Delete…</source>
        <translation>&amp;Verwijderen…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/reader.py" line="136"/>
        <source>Practice text</source>
        <translation>Tekst van het voorbeeld</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/reader.py" line="217"/>
        <source>Summary</source>
        <translation>Samenvatting</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/reader.py" line="218"/>
        <source>Context</source>
        <translation>Context</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/reader.py" line="219"/>
        <source>What was done</source>
        <translation>Wat er is gedaan</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/reader.py" line="220"/>
        <source>What worked</source>
        <translation>Wat werkte</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/reader.py" line="221"/>
        <source>What did not work</source>
        <translation>Wat niet werkte</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/reader.py" line="222"/>
        <source>Lessons for other posts</source>
        <translation>Lessen voor andere posten</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/reader.py" line="227"/>
        <source>*No text yet. Use Edit to describe the practice.*</source>
        <translation>*Nog geen tekst. Beschrijf het voorbeeld met Bewerken.*</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/reader.py" line="235"/>
        <source>Core tasks</source>
        <translation>Kerntaken</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/reader.py" line="242"/>
        <source>Post</source>
        <translation>Post</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/reader.py" line="243"/>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/reader.py" line="244"/>
        <source>Region</source>
        <translation>Regio</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/reader.py" line="245"/>
        <source>Year</source>
        <translation>Jaar</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/reader.py" line="247"/>
        <source>Themes</source>
        <translation>Thema&apos;s</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/reader.py" line="251"/>
        <source>Sectors</source>
        <translation>Sectoren</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/reader.py" line="254"/>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/reader.py" line="255"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/reader.py" line="256"/>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/reader.py" line="271"/>
        <source>Tools and templates</source>
        <translation>Hulpmiddelen en sjablonen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/reader.py" line="280"/>
        <source>No files attached</source>
        <translation>Geen bestanden bijgevoegd</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/reader.py" line="282"/>
        <source>Used at</source>
        <translation>Gebruikt door</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/reader.py" line="291"/>
        <source>No post has marked it as used yet</source>
        <translation>Nog geen post heeft het als gebruikt gemarkeerd</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/reader.py" line="304"/>
        <source>✓ Used at our post</source>
        <translation>✓ Gebruikt op onze post</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/reader.py" line="307"/>
        <source>{0} has marked this practice as used</source>
        <translation>{0} heeft dit voorbeeld als gebruikt gemarkeerd</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/reader.py" line="309"/>
        <source>Record that {0} used this practice</source>
        <translation>Vastleggen dat {0} dit voorbeeld heeft gebruikt</translation>
    </message>
</context>
<context>
    <name>PracticeSharing</name>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="59"/>
        <source>Import good practices</source>
        <translation>Goede voorbeelden importeren</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="60"/>
        <source>postkit exchange files (*.postkit)</source>
        <translation>postkit-uitwisselingsbestanden (*.postkit)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="81"/>
        <source>Export PDF booklet</source>
        <translation>PDF-boekje exporteren</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="83"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/sharing.py" line="94"/>
        <source>Writing the booklet…</source>
        <translation>Het boekje wordt gemaakt…</translation>
    </message>
</context>
<context>
    <name>PracticeTableModel</name>
    <message>
        <location filename="../../postkit/ui/practices/table_model.py" line="117"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/table_model.py" line="119"/>
        <source>Core tasks</source>
        <translation>Kerntaken</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/table_model.py" line="122"/>
        <source>Post</source>
        <translation>Post</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/table_model.py" line="124"/>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/table_model.py" line="128"/>
        <source>Year</source>
        <translation>Jaar</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/table_model.py" line="130"/>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/table_model.py" line="131"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/table_model.py" line="133"/>
        <source>Used by</source>
        <translation>Gebruikt door</translation>
    </message>
</context>
<context>
    <name>PracticesPage</name>
    <message>
        <location filename="../../postkit/ui/practices/page.py" line="143"/>
        <source>Good practices as cards</source>
        <translation>Goede voorbeelden als kaarten</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/page.py" line="153"/>
        <source>&amp;Resolve…</source>
        <translation>&amp;Oplossen…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/page.py" line="201"/>
        <source>Search titles and texts — the best matches come first</source>
        <translation>Zoeken in titels en teksten — de beste treffers eerst</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/page.py" line="204"/>
        <source>Search good practices</source>
        <translation>Goede voorbeelden zoeken</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/page.py" line="205"/>
        <source>All core tasks</source>
        <translation>Alle kerntaken</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/page.py" line="205"/>
        <source>Core task filter</source>
        <translation>Filter op kerntaak</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/page.py" line="210"/>
        <source>All themes</source>
        <translation>Alle thema&apos;s</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/page.py" line="210"/>
        <source>Theme filter</source>
        <translation>Filter op thema</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/page.py" line="211"/>
        <source>All sectors</source>
        <translation>Alle sectoren</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/page.py" line="211"/>
        <source>Sector filter</source>
        <translation>Filter op sector</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/page.py" line="212"/>
        <source>All regions</source>
        <translation>Alle regio&apos;s</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/page.py" line="212"/>
        <source>Region filter</source>
        <translation>Filter op regio</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/page.py" line="220"/>
        <source>All languages</source>
        <translation>Alle talen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/page.py" line="220"/>
        <source>Language filter</source>
        <translation>Filter op taal</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/page.py" line="223"/>
        <source>Published and drafts</source>
        <translation>Alle statussen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/page.py" line="223"/>
        <source>Status filter</source>
        <translation>Filter op status</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/page.py" line="228"/>
        <source>Cards</source>
        <translation>Kaarten</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/page.py" line="230"/>
        <source>List</source>
        <translation>Lijst</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/page.py" line="246"/>
        <source>Show the practices as cards</source>
        <translation>De voorbeelden als kaarten tonen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/page.py" line="247"/>
        <source>Show the practices as a list</source>
        <translation>De voorbeelden als lijst tonen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/page.py" line="274"/>
        <source>Good practices as a list</source>
        <translation>Goede voorbeelden als lijst</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/page.py" line="399"/>
        <source>&lt;h3&gt;No good practices yet&lt;/h3&gt;&lt;p&gt;Describe how the post took up IMVO with &lt;b&gt;New good practice&lt;/b&gt;, promote an activity from the log, or import a &lt;b&gt;.postkit&lt;/b&gt; file from another post — drop it here.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Nog geen goede voorbeelden&lt;/h3&gt;&lt;p&gt;Beschrijf met &lt;b&gt;Nieuw goed voorbeeld&lt;/b&gt; hoe de post IMVO heeft aangepakt, zet een activiteit uit het logboek om, of importeer een &lt;b&gt;.postkit&lt;/b&gt;-bestand van een andere post — sleep het hierheen.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/page.py" line="405"/>
        <source>&lt;h3&gt;No practice matches&lt;/h3&gt;&lt;p&gt;Change the search or the filters, or clear them.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Geen voorbeeld gevonden&lt;/h3&gt;&lt;p&gt;Pas de zoekopdracht of de filters aan, of wis ze.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/page.py" line="549"/>
        <source>Edit practice “{title}”</source>
        <translation>Voorbeeld “{title}” bewerken</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/page.py" line="582"/>
        <source>Delete this good practice?</source>
        <translation>Dit goede voorbeeld verwijderen?</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/page.py" line="583"/>
        <source>Delete {0} good practices?</source>
        <translation>{0} goede voorbeelden verwijderen?</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/page.py" line="586"/>
        <source>Attached files stay in the files folder. This cannot be undone.</source>
        <translation>Bijgevoegde bestanden blijven in de map met bestanden. Dit kan niet ongedaan worden gemaakt.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/page.py" line="588"/>
        <source>Delete good practices</source>
        <translation>Goede voorbeelden verwijderen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/page.py" line="588"/>
        <source>Delete</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/page.py" line="660"/>
        <source>Export good practices</source>
        <translation>Goede voorbeelden exporteren</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/page.py" line="662"/>
        <source>postkit exchange file (*.postkit)</source>
        <translation>postkit-uitwisselingsbestand (*.postkit)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/page.py" line="683"/>
        <source>Exported 1 practice to {1}</source>
        <translation>1 voorbeeld geëxporteerd naar {1}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/page.py" line="685"/>
        <source>Exported {0} practices to {1}</source>
        <translation>{0} voorbeelden geëxporteerd naar {1}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/page.py" line="689"/>
        <source>Exporting good practices…</source>
        <translation>Goede voorbeelden worden geëxporteerd…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/page.py" line="704"/>
        <source>Importing good practices…</source>
        <translation>Goede voorbeelden worden geïmporteerd…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/page.py" line="733"/>
        <source>An imported practice was also edited here since the posts last shared it. Choose which version to keep.</source>
        <translation>Een geïmporteerd voorbeeld is hier ook bewerkt sinds de posten het voor het laatst deelden. Kies welke versie u bewaart.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/page.py" line="738"/>
        <source>{0} imported practices were also edited here since the posts last shared them. Choose which versions to keep.</source>
        <translation>{0} geïmporteerde voorbeelden zijn hier ook bewerkt sinds de posten ze voor het laatst deelden. Kies welke versies u bewaart.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/page.py" line="820"/>
        <source>Good practices</source>
        <translation>Goede voorbeelden</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/page.py" line="822"/>
        <source>Booklet written to {0}</source>
        <translation>Boekje opgeslagen in {0}</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../postkit/ui/preferences_dialog.py" line="13"/>
        <source>Preferences</source>
        <translation>Voorkeuren</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/preferences_dialog.py" line="16"/>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/preferences_dialog.py" line="21"/>
        <source>The new language applies when postkit starts again.</source>
        <translation>De nieuwe taal gaat in wanneer postkit opnieuw start.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/preferences_dialog.py" line="32"/>
        <source>&amp;Language:</source>
        <translation>&amp;Taal:</translation>
    </message>
</context>
<context>
    <name>PresentationView</name>
    <message>
        <location filename="../../postkit/ui/practices/presentation.py" line="59"/>
        <source>What was done</source>
        <translation>Wat er is gedaan</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/presentation.py" line="60"/>
        <source>What worked</source>
        <translation>Wat werkte</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/presentation.py" line="180"/>
        <source>Lessons for other posts</source>
        <translation>Lessen voor andere posten</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/presentation.py" line="95"/>
        <source>postkit — good practices</source>
        <translation>postkit — goede voorbeelden</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/presentation.py" line="127"/>
        <source>← → to move · Home/End for the first and last · Esc to leave</source>
        <translation>← → om te bladeren · Home/End voor het eerste en laatste · Esc om te sluiten</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/presentation.py" line="183"/>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/presentation.py" line="221"/>
        <source>Practices to show</source>
        <translation>Te tonen voorbeelden</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/presentation.py" line="222"/>
        <source>All practices</source>
        <translation>Alle voorbeelden</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/presentation.py" line="226"/>
        <source>Core task {0}: {1}</source>
        <translation>Kerntaak {0}: {1}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/presentation.py" line="232"/>
        <source>Theme: {0}</source>
        <translation>Thema: {0}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/presentation.py" line="237"/>
        <source>Export PDF &amp;booklet…</source>
        <translation>PDF-&amp;boekje exporteren…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/presentation.py" line="239"/>
        <source>&amp;Reset demo</source>
        <translation>Demo &amp;herstellen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/presentation.py" line="241"/>
        <source>Restore the demo data as it was before this session&apos;s live edits</source>
        <translation>De demogegevens terugzetten zoals ze waren vóór de wijzigingen in deze sessie</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/presentation.py" line="246"/>
        <source>Close (Esc)</source>
        <translation>Sluiten (Esc)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/presentation.py" line="252"/>
        <source>Show:</source>
        <translation>Tonen:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/presentation.py" line="360"/>
        <source>No practice in this set</source>
        <translation>Geen voorbeeld in deze selectie</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/presentation.py" line="361"/>
        <source>Choose another set under Show.</source>
        <translation>Kies een andere selectie onder Tonen.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/presentation.py" line="396"/>
        <source>Core tasks</source>
        <translation>Kerntaken</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/presentation.py" line="399"/>
        <source>Themes</source>
        <translation>Thema&apos;s</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/presentation.py" line="402"/>
        <source>Sectors</source>
        <translation>Sectoren</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/presentation.py" line="405"/>
        <source>Also used at</source>
        <translation>Ook gebruikt door</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/presentation.py" line="442"/>
        <source>Put the demo&apos;s good practices back as they were when the demo started?

Practices added, changed or deleted during this training are undone, so the next group starts from the same examples. Only the demo data changes; a post&apos;s own database is never touched.</source>
        <translation>De goede voorbeelden van de demo terugzetten zoals ze waren toen de demo begon?

Voorbeelden die tijdens deze training zijn toegevoegd, gewijzigd of verwijderd, worden teruggedraaid, zodat de volgende groep met dezelfde voorbeelden begint. Alleen de demogegevens veranderen; de eigen database van een post wordt nooit aangeraakt.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/presentation.py" line="447"/>
        <source>Reset demo</source>
        <translation>Demo terugzetten</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/presentation.py" line="447"/>
        <source>Reset</source>
        <translation>Terugzetten</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/practices/presentation.py" line="456"/>
        <source>Good practices</source>
        <translation>Goede voorbeelden</translation>
    </message>
</context>
<context>
    <name>ProblemsDialog</name>
    <message>
        <location filename="../../postkit/ui/surveys/dialogs.py" line="117"/>
        <source>The survey cannot be imported</source>
        <translation>De enquête kan niet worden geïmporteerd</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/dialogs.py" line="121"/>
        <source>{0} is not a survey form postkit can run. Correct these problems in the workbook and import it again:</source>
        <translation>{0} is geen enquêteformulier dat postkit kan gebruiken. Verbeter deze problemen in de werkmap en importeer die opnieuw:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/dialogs.py" line="129"/>
        <source>Sheet</source>
        <translation>Werkblad</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/dialogs.py" line="129"/>
        <source>Row</source>
        <translation>Rij</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/dialogs.py" line="129"/>
        <source>Column</source>
        <translation>Kolom</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/dialogs.py" line="129"/>
        <source>Problem</source>
        <translation>Probleem</translation>
    </message>
</context>
<context>
    <name>ProfileDialog</name>
    <message>
        <location filename="../../postkit/ui/profile_dialog.py" line="29"/>
        <source>Your post</source>
        <translation>Uw post</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/profile_dialog.py" line="29"/>
        <source>Welcome to postkit</source>
        <translation>Welkom bij postkit</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/profile_dialog.py" line="33"/>
        <source>postkit keeps your post&apos;s IMVO work on this computer. Tell it which post this is and who you are; every record notes who created and changed it.</source>
        <translation>postkit bewaart het IMVO-werk van uw post op deze computer. Geef aan welke post dit is en wie u bent; bij elk gegeven wordt vastgelegd wie het heeft gemaakt en gewijzigd.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/profile_dialog.py" line="40"/>
        <source>e.g. Embassy Nairobi</source>
        <translation>bijv. Ambassade Nairobi</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/profile_dialog.py" line="42"/>
        <source>Your name</source>
        <translation>Uw naam</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/profile_dialog.py" line="58"/>
        <source>&amp;Post:</source>
        <translation>&amp;Post:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/profile_dialog.py" line="59"/>
        <source>Your &amp;name:</source>
        <translation>Uw &amp;naam:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/profile_dialog.py" line="60"/>
        <source>&amp;Countries of accreditation:</source>
        <translation>&amp;Landen van accreditatie:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/profile_dialog.py" line="85"/>
        <source>Enter the name of the post.</source>
        <translation>Vul de naam van de post in.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/profile_dialog.py" line="87"/>
        <source>Enter your name.</source>
        <translation>Vul uw naam in.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/profile_dialog.py" line="89"/>
        <source>Tick at least one country of accreditation.</source>
        <translation>Vink ten minste één land van accreditatie aan.</translation>
    </message>
</context>
<context>
    <name>RangeInput</name>
    <message>
        <location filename="../../postkit/ui/surveys/inputs.py" line="603"/>
        <location filename="../../postkit/ui/surveys/inputs.py" line="646"/>
        <source>not answered</source>
        <translation>niet beantwoord</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/inputs.py" line="608"/>
        <source>Clear</source>
        <translation>Wissen</translation>
    </message>
</context>
<context>
    <name>RankInput</name>
    <message>
        <location filename="../../postkit/ui/surveys/inputs.py" line="660"/>
        <source>Move up</source>
        <translation>Omhoog</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/inputs.py" line="661"/>
        <source>Move down</source>
        <translation>Omlaag</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/inputs.py" line="662"/>
        <source>Keep this order</source>
        <translation>Deze volgorde houden</translation>
    </message>
</context>
<context>
    <name>ReceiptCommands</name>
    <message>
        <location filename="../../postkit/ui/hq/receipt_commands.py" line="29"/>
        <source>Write the receipts into</source>
        <translation>De ontvangstbevestigingen opslaan in</translation>
    </message>
    <message numerus="yes">
        <location filename="../../postkit/ui/hq/receipt_commands.py" line="42"/>
        <source>%n receipts written to {0}</source>
        <translation>
            <numerusform>%n ontvangstbevestiging opgeslagen in {0}</numerusform>
            <numerusform>%n ontvangstbevestigingen opgeslagen in {0}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/receipt_commands.py" line="49"/>
        <source>Writing the receipts…</source>
        <translation>De ontvangstbevestigingen worden opgeslagen…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/receipt_commands.py" line="58"/>
        <source>Export the receipt key</source>
        <translation>Ontvangstsleutel exporteren</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/receipt_commands.py" line="60"/>
        <source>Receipt keys (*.postkit-key)</source>
        <translation>Ontvangstsleutels (*.postkit-key)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/hq/receipt_commands.py" line="80"/>
        <source>Receipt key {0} written to {1}: give it to each post</source>
        <translation>Ontvangstsleutel {0} opgeslagen in {1}: geef hem aan elke post</translation>
    </message>
</context>
<context>
    <name>ReceiptKey</name>
    <message>
        <location filename="../../postkit/ui/surveys/receipt_key.py" line="21"/>
        <source>Import headquarters&apos; receipt key</source>
        <translation>Ontvangstsleutel van het departement importeren</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/receipt_key.py" line="22"/>
        <source>Receipt keys (*.postkit-key)</source>
        <translation>Ontvangstsleutels (*.postkit-key)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/receipt_key.py" line="37"/>
        <source>Headquarters&apos; receipt key {0} stored: compare it with headquarters&apos;</source>
        <translation>Ontvangstsleutel {0} van het departement opgeslagen: vergelijk hem met die van het departement</translation>
    </message>
</context>
<context>
    <name>ReceiptsView</name>
    <message>
        <location filename="../../postkit/ui/surveys/receipts_view.py" line="88"/>
        <source>Import &amp;receipt…</source>
        <translation>&amp;Ontvangstbevestiging importeren…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/receipts_view.py" line="91"/>
        <source>Read a receipt file from headquarters (you can also drop it here)</source>
        <translation>Een ontvangstbevestiging van het departement inlezen (u kunt het bestand ook hierheen slepen)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/receipts_view.py" line="99"/>
        <source>Exports sent to headquarters</source>
        <translation>Exports verzonden naar het departement</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/receipts_view.py" line="102"/>
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/receipts_view.py" line="103"/>
        <source>Survey</source>
        <translation>Enquête</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/receipts_view.py" line="105"/>
        <source>Received</source>
        <translation>Ontvangen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/receipts_view.py" line="106"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/receipts_view.py" line="118"/>
        <source>No exports yet. Each export for headquarters is listed here until its receipt confirms it.</source>
        <translation>Nog geen exports. Elke export voor het departement staat hier totdat een ontvangstbevestiging hem bevestigt.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/receipts_view.py" line="184"/>
        <source>Responses: {0} · SHA-256 {1}</source>
        <translation>Inzendingen: {0} · SHA-256 {1}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/receipts_view.py" line="197"/>
        <source>Accepted, but the receipt is not signed (responses counted: {0})</source>
        <translation>Aanvaard, maar de ontvangstbevestiging is niet ondertekend (getelde inzendingen: {0})</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/receipts_view.py" line="202"/>
        <source>Refused ({0})</source>
        <translation>Geweigerd ({0})</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/receipts_view.py" line="202"/>
        <source>Refused</source>
        <translation>Geweigerd</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/receipts_view.py" line="206"/>
        <source>Not confirmed after {0} days</source>
        <translation>Na {0} dagen niet bevestigd</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/receipts_view.py" line="85"/>
        <source>Exported for headquarters</source>
        <translation>Geëxporteerd voor het departement</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/receipts_view.py" line="104"/>
        <source>Exported</source>
        <translation>Geëxporteerd</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/receipts_view.py" line="174"/>
        <source>Annual return {0}</source>
        <translation>Jaarrapportage {0}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/receipts_view.py" line="187"/>
        <source>Confirmed by headquarters</source>
        <translation>Bevestigd door het departement</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/receipts_view.py" line="190"/>
        <source>Confirmed by headquarters (responses counted: {0})</source>
        <translation>Bevestigd door het departement (getelde inzendingen: {0})</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/receipts_view.py" line="212"/>
        <source>Exported, not yet confirmed by headquarters</source>
        <translation>Geëxporteerd, nog niet bevestigd door het departement</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/receipts_view.py" line="235"/>
        <source>Import a receipt from headquarters</source>
        <translation>Ontvangstbevestiging van het departement importeren</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/receipts_view.py" line="236"/>
        <source>Receipts from headquarters (*.postkit-receipt.json *.json)</source>
        <translation>Ontvangstbevestigingen van het departement (*.postkit-receipt.json *.json)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/receipts_view.py" line="259"/>
        <source>Importing the receipt…</source>
        <translation>De ontvangstbevestiging wordt geïmporteerd…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/receipts_view.py" line="273"/>
        <source>Receipt imported (exports updated: {0})</source>
        <translation>Ontvangstbevestiging geïmporteerd (bijgewerkte exports: {0})</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/receipts_view.py" line="280"/>
        <source>{file}: receipt of {date} (exports updated: {count}).</source>
        <translation>{file}: ontvangstbevestiging van {date} (bijgewerkte exports: {count}).</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/receipts_view.py" line="287"/>
        <source>The receipt is not signed: anybody could have written it. Ask headquarters for a signed one.</source>
        <translation>De ontvangstbevestiging is niet ondertekend: iedereen kan hem geschreven hebben. Vraag het departement om een ondertekende.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/receipts_view.py" line="292"/>
        <source>The receipt is signed with a key this post has not imported: import headquarters&apos; receipt key (Surveys menu) to check it.</source>
        <translation>De ontvangstbevestiging is ondertekend met een sleutel die deze post niet heeft geïmporteerd: importeer de ontvangstsleutel van het departement (menu Enquêtes) om hem te controleren.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/receipts_view.py" line="298"/>
        <source>Headquarters also lists files this post has no record of: {0}</source>
        <translation>Het departement noemt ook bestanden waarvan deze post niets heeft vastgelegd: {0}</translation>
    </message>
</context>
<context>
    <name>RepeatInstance</name>
    <message>
        <location filename="../../postkit/ui/surveys/repeat_view.py" line="37"/>
        <source>Remove</source>
        <translation>Verwijderen</translation>
    </message>
</context>
<context>
    <name>RepeatSection</name>
    <message>
        <location filename="../../postkit/ui/surveys/repeat_view.py" line="159"/>
        <source>Add another “{0}”</source>
        <translation>Nog een “{0}” toevoegen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/repeat_view.py" line="161"/>
        <source>Do not add</source>
        <translation>Niet toevoegen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/repeat_view.py" line="164"/>
        <source>{0} {1} of {2}</source>
        <translation>{0} {1} van {2}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/repeat_view.py" line="167"/>
        <source>Remove {0} {1}</source>
        <translation>{0} {1} verwijderen</translation>
    </message>
</context>
<context>
    <name>RequestDialog</name>
    <message>
        <location filename="../../postkit/ui/screening/editor.py" line="234"/>
        <source>Earlier requests of this company:</source>
        <translation>Eerdere verzoeken van dit bedrijf:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/editor.py" line="236"/>
        <source>Earlier requests of this company</source>
        <translation>Eerdere verzoeken van dit bedrijf</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/editor.py" line="354"/>
        <source>{0}, decided {1}</source>
        <translation>{0}, besloten op {1}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/editor.py" line="362"/>
        <source>conditions: {0}</source>
        <translation>voorwaarden: {0}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/editor.py" line="136"/>
        <source>Edit support request</source>
        <translation>Steunverzoek bewerken</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/editor.py" line="136"/>
        <source>New request</source>
        <translation>Nieuw steunverzoek</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/editor.py" line="154"/>
        <source>Save</source>
        <translation>Opslaan</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/editor.py" line="154"/>
        <source>Create request</source>
        <translation>Verzoek aanmaken</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/editor.py" line="198"/>
        <source>Company</source>
        <translation>Bedrijf</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/editor.py" line="214"/>
        <source>Registered name, e.g. Tulip Trading B.V.</source>
        <translation>Statutaire naam, bijv. Tulip Trading B.V.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/editor.py" line="216"/>
        <source>8 digits</source>
        <translation>8 cijfers</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/editor.py" line="218"/>
        <location filename="../../postkit/ui/screening/editor.py" line="219"/>
        <source>(unknown)</source>
        <translation>(onbekend)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/editor.py" line="223"/>
        <source>One name per line; screened for sanctions. A date of birth and nationality may follow: Anna Visser; 1970-05-31; NL</source>
        <translation>Eén naam per regel; wordt getoetst aan de sanctielijsten. Geboortedatum en nationaliteit mogen volgen: Anna Visser; 31-05-1970; NL</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/editor.py" line="205"/>
        <source>Pick the company from the register, or create it</source>
        <translation>Kies het bedrijf uit het register, of maak het aan</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/editor.py" line="244"/>
        <source>From the re&amp;gister:</source>
        <translation>Uit het re&amp;gister:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/editor.py" line="246"/>
        <source>&amp;Name:</source>
        <translation>&amp;Naam:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/editor.py" line="247"/>
        <source>&amp;KvK number:</source>
        <translation>&amp;KvK-nummer:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/editor.py" line="248"/>
        <source>Co&amp;untry:</source>
        <translation>&amp;Land:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/editor.py" line="249"/>
        <source>&amp;Sector:</source>
        <translation>&amp;Sector:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/editor.py" line="250"/>
        <source>&amp;Directors:</source>
        <translation>&amp;Bestuurders:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/editor.py" line="254"/>
        <source>Size</source>
        <translation>Omvang</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/editor.py" line="268"/>
        <source>&amp;Employees:</source>
        <translation>&amp;Werknemers:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/editor.py" line="269"/>
        <source>&amp;Turnover:</source>
        <translation>&amp;Omzet:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/editor.py" line="270"/>
        <source>&amp;Balance sheet total:</source>
        <translation>Balans&amp;totaal:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/editor.py" line="271"/>
        <source>Large company:</source>
        <translation>Groot bedrijf:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/editor.py" line="282"/>
        <source>Support asked</source>
        <translation>Gevraagde steun</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/editor.py" line="285"/>
        <source>Choose the kind of support…</source>
        <translation>Kies het soort steun…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/editor.py" line="289"/>
        <location filename="../../postkit/ui/screening/editor.py" line="290"/>
        <source>(none)</source>
        <translation>(geen)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/editor.py" line="292"/>
        <source>Needed by</source>
        <translation>Nodig op</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/editor.py" line="302"/>
        <source>What the company asks for, and for which event or partner</source>
        <translation>Waar het bedrijf om vraagt, en voor welk evenement of welke partner</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/editor.py" line="306"/>
        <source>&amp;Kind:</source>
        <translation>Soort st&amp;eun:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/editor.py" line="307"/>
        <source>Country of &amp;operation:</source>
        <translation>Land van acti&amp;viteit:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/editor.py" line="308"/>
        <source>Sector of o&amp;peration:</source>
        <translation>Se&amp;ctor van activiteit:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/editor.py" line="310"/>
        <source>&amp;Requested on:</source>
        <translation>&amp;Aangevraagd op:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/editor.py" line="312"/>
        <source>&amp;Handled by:</source>
        <translation>Be&amp;handeld door:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/editor.py" line="313"/>
        <source>Descr&amp;iption:</source>
        <translation>Omschr&amp;ijving:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/editor.py" line="477"/>
        <source>Enter the company&apos;s name.</source>
        <translation>Vul de naam van het bedrijf in.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/editor.py" line="479"/>
        <source>A KvK number has 8 digits.</source>
        <translation>Een KvK-nummer heeft 8 cijfers.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/editor.py" line="481"/>
        <source>A director&apos;s name is longer than 200 characters.</source>
        <translation>De naam van een bestuurder is langer dan 200 tekens.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/editor.py" line="485"/>
        <source>{0}: &apos;{1}&apos; is no date of birth (1970-05-31 or 31-05-1970) or country.</source>
        <translation>{0}: &apos;{1}&apos; is geen geboortedatum (31-05-1970 of 1970-05-31) en geen land.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/editor.py" line="488"/>
        <source>Enter a whole number of employees.</source>
        <translation>Vul het aantal werknemers in als geheel getal.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/editor.py" line="489"/>
        <source>Enter the turnover in whole euros.</source>
        <translation>Vul de omzet in hele euro&apos;s in.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/editor.py" line="493"/>
        <source>Enter the balance sheet total in whole euros.</source>
        <translation>Vul het balanstotaal in hele euro&apos;s in.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/editor.py" line="499"/>
        <source>Choose the kind of support asked.</source>
        <translation>Kies het soort gevraagde steun.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/editor.py" line="502"/>
        <location filename="../../postkit/ui/screening/editor.py" line="504"/>
        <source>Type the date as {0}.</source>
        <translation>Typ de datum als {0}.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/editor.py" line="506"/>
        <source>The date it is needed by lies before the request.</source>
        <translation>De datum waarop de steun nodig is, ligt vóór het verzoek.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/editor.py" line="542"/>
        <source>Unknown</source>
        <translation>Onbekend</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/editor.py" line="545"/>
        <source>Enter the employees and the turnover or balance sheet total.</source>
        <translation>Vul het aantal werknemers en de omzet of het balanstotaal in.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/editor.py" line="547"/>
        <source>The figures given are not enough to tell.</source>
        <translation>Met deze cijfers is dat niet te bepalen.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/editor.py" line="550"/>
        <source>Large company</source>
        <translation>Groot bedrijf</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/editor.py" line="552"/>
        <source>500+ employees and over EUR 20M balance sheet or EUR 40M turnover.</source>
        <translation>500+ werknemers en meer dan EUR 20 mln balanstotaal of EUR 40 mln omzet.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/editor.py" line="555"/>
        <source>Not large</source>
        <translation>Niet groot</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/editor.py" line="557"/>
        <source>Below the threshold of 500 employees and EUR 20M / EUR 40M.</source>
        <translation>Onder de drempel van 500 werknemers en EUR 20 mln / EUR 40 mln.</translation>
    </message>
</context>
<context>
    <name>RequestList</name>
    <message>
        <location filename="../../postkit/ui/screening/request_list.py" line="49"/>
        <source>Search company, director or handler</source>
        <translation>Zoeken op bedrijf, bestuurder of behandelaar</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/request_list.py" line="51"/>
        <source>Search support requests</source>
        <translation>Steunverzoeken zoeken</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/request_list.py" line="53"/>
        <source>Status filter</source>
        <translation>Filter op status</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/request_list.py" line="54"/>
        <source>All requests</source>
        <translation>Alle verzoeken</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/request_list.py" line="55"/>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/request_list.py" line="56"/>
        <source>Decided</source>
        <translation>Afgehandeld</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/request_list.py" line="65"/>
        <source>Support requests</source>
        <translation>Steunverzoeken</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/request_list.py" line="228"/>
        <source>&lt;h3&gt;No request matches&lt;/h3&gt;&lt;p&gt;Change the search or the status filter.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Geen verzoek gevonden&lt;/h3&gt;&lt;p&gt;Pas de zoekopdracht of het statusfilter aan.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/request_list.py" line="232"/>
        <source>&lt;h3&gt;No support requests yet&lt;/h3&gt;&lt;p&gt;When a company asks the post for support, record it with &lt;b&gt;New request&lt;/b&gt; (Ctrl+Shift+N) and screen it here.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Nog geen steunverzoeken&lt;/h3&gt;&lt;p&gt;Vraagt een bedrijf de post om steun, leg het verzoek dan vast met &lt;b&gt;Nieuw verzoek&lt;/b&gt; (Ctrl+Shift+N) en toets het hier.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>RequestTableModel</name>
    <message>
        <location filename="../../postkit/ui/screening/table_model.py" line="33"/>
        <source>Company</source>
        <translation>Bedrijf</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/table_model.py" line="38"/>
        <source>Support</source>
        <translation>Steun</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/table_model.py" line="43"/>
        <source>Requested</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/table_model.py" line="48"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/table_model.py" line="53"/>
        <source>Handled by</source>
        <translation>Behandelaar</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/table_model.py" line="58"/>
        <source>Follow-up</source>
        <translation>Opvolging</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/table_model.py" line="63"/>
        <source>To judge</source>
        <translation>Treffers</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/table_model.py" line="116"/>
        <source>Sanctions candidates still to judge: {0}</source>
        <translation>Nog te beoordelen mogelijke treffers: {0}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/table_model.py" line="120"/>
        <source>The follow-up is due</source>
        <translation>Tijd voor de opvolging</translation>
    </message>
</context>
<context>
    <name>RequestView</name>
    <message>
        <location filename="../../postkit/ui/screening/request_view.py" line="143"/>
        <source>What is expected follows from the size: complete the figures.</source>
        <translation>Wat er verwacht wordt volgt uit de omvang: vul de cijfers aan.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/request_view.py" line="147"/>
        <source>Expected: every element of due diligence, including public reporting. Size does not raise the risk.</source>
        <translation>Verwacht: elk onderdeel van gepaste zorgvuldigheid, ook openbare verantwoording. Omvang verhoogt het risico niet.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/request_view.py" line="153"/>
        <source>Expected: lighter due diligence, in proportion to its size, the country and sector and its position in the chain. Size does not lower the risk.</source>
        <translation>Verwacht: lichtere gepaste zorgvuldigheid, naar verhouding van omvang, land en sector en positie in de keten. Omvang verlaagt het risico niet.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/request_view.py" line="48"/>
        <source>&amp;Edit request…</source>
        <translation>Verzoek &amp;bewerken…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/request_view.py" line="51"/>
        <source>Company</source>
        <translation>Bedrijf</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/request_view.py" line="58"/>
        <source>Name:</source>
        <translation>Naam:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/request_view.py" line="59"/>
        <source>KvK number:</source>
        <translation>KvK-nummer:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/request_view.py" line="60"/>
        <source>Country:</source>
        <translation>Land:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/request_view.py" line="61"/>
        <source>Sector:</source>
        <translation>Sector:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/request_view.py" line="62"/>
        <source>Directors:</source>
        <translation>Bestuurders:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/request_view.py" line="65"/>
        <source>Size</source>
        <translation>Omvang</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/request_view.py" line="71"/>
        <source>Employees:</source>
        <translation>Werknemers:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/request_view.py" line="72"/>
        <source>Turnover:</source>
        <translation>Omzet:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/request_view.py" line="73"/>
        <source>Balance sheet total:</source>
        <translation>Balanstotaal:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/request_view.py" line="74"/>
        <source>Large company:</source>
        <translation>Groot bedrijf:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/request_view.py" line="80"/>
        <source>Support asked</source>
        <translation>Gevraagde steun</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/request_view.py" line="89"/>
        <source>Kind:</source>
        <translation>Soort steun:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/request_view.py" line="90"/>
        <source>Operating in:</source>
        <translation>Actief in:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/request_view.py" line="91"/>
        <source>Dates:</source>
        <translation>Datums:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/request_view.py" line="92"/>
        <source>Handled by:</source>
        <translation>Behandeld door:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/request_view.py" line="93"/>
        <source>Description:</source>
        <translation>Omschrijving:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/request_view.py" line="130"/>
        <source>unknown</source>
        <translation>onbekend</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/request_view.py" line="142"/>
        <source>Unknown</source>
        <translation>Onbekend</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/request_view.py" line="145"/>
        <source>Large company</source>
        <translation>Groot bedrijf</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/request_view.py" line="151"/>
        <source>Not large</source>
        <translation>Niet groot</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/request_view.py" line="164"/>
        <source>requested {0}</source>
        <translation>aangevraagd op {0}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/request_view.py" line="166"/>
        <source>needed by {0}</source>
        <translation>nodig op {0}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/request_view.py" line="172"/>
        <source>Recorded {0} by {1}</source>
        <translation>Vastgelegd op {0} door {1}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/request_view.py" line="181"/>
        <source>Decided, so read-only: reopen the request on the Decision tab to change it.</source>
        <translation>Afgehandeld en dus alleen-lezen: heropen het verzoek op het tabblad Besluit om het te wijzigen.</translation>
    </message>
</context>
<context>
    <name>SanctionsPanel</name>
    <message>
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="147"/>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="148"/>
        <source>List id</source>
        <translation>Lijst-id</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="150"/>
        <source>Also known as</source>
        <translation>Ook bekend als</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="151"/>
        <source>Born</source>
        <translation>Geboren</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="152"/>
        <source>Countries</source>
        <translation>Landen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="153"/>
        <source>Addresses</source>
        <translation>Adressen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="154"/>
        <source>Identifiers</source>
        <translation>Identificatienummers</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="156"/>
        <source>Programmes</source>
        <translation>Programma&apos;s</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="157"/>
        <source>Source</source>
        <translation>Bron</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="158"/>
        <source>Last changed</source>
        <translation>Laatst gewijzigd</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="199"/>
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="439"/>
        <source>&amp;Screen now</source>
        <translation>Nu &amp;toetsen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="146"/>
        <source>List</source>
        <translation>Lijst</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="149"/>
        <source>Listed on</source>
        <translation>Op de lijst sinds</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="155"/>
        <source>Regulation</source>
        <translation>Verordening</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="201"/>
        <source>Match the company and its directors against the current sanctions lists</source>
        <translation>Toets het bedrijf en zijn bestuurders aan de huidige sanctielijsten</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="217"/>
        <source>Sanctions candidates</source>
        <translation>Mogelijke treffers</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="267"/>
        <source>&amp;Confirm match…</source>
        <translation>Treffer &amp;bevestigen…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="268"/>
        <source>This list entry is the screened company or person</source>
        <translation>Deze vermelding op de lijst is het getoetste bedrijf of de getoetste persoon</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="269"/>
        <source>&amp;Dismiss…</source>
        <translation>&amp;Afwijzen…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="270"/>
        <source>This list entry is someone else</source>
        <translation>Deze vermelding op de lijst betreft iemand anders</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="283"/>
        <source>Why the matcher suggests it</source>
        <translation>Waarom de vergelijking dit voorstelt</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="376"/>
        <source>Confirm sanctions match</source>
        <translation>Treffer op de sanctielijst bevestigen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="378"/>
        <source>Why is “{0}” the listed “{1}”? (e.g. same date of birth, same address)</source>
        <translation>Waarom is “{0}” dezelfde als “{1}” op de lijst? (bijv. zelfde geboortedatum, zelfde adres)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="381"/>
        <source>Dismiss candidate</source>
        <translation>Mogelijke treffer afwijzen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="382"/>
        <source>Why is “{0}” not the listed “{1}”? (e.g. other date of birth)</source>
        <translation>Waarom is “{0}” niet dezelfde als “{1}” op de lijst? (bijv. andere geboortedatum)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="396"/>
        <source>A note is required.</source>
        <translation>Een notitie is verplicht.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="439"/>
        <source>&amp;Screen again</source>
        <translation>Opnieuw &amp;toetsen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="460"/>
        <source>Not screened yet. Current lists: {0}.</source>
        <translation>Nog niet getoetst. Huidige lijsten: {0}.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="465"/>
        <source>No sanctions list imported yet: use &lt;b&gt;Import sanctions list…&lt;/b&gt; with the EU or UN XML file, the Dutch national list or an OpenSanctions targets.simple.csv (OpenSanctions data is licensed for non-commercial use only).</source>
        <translation>Nog geen sanctielijst geïmporteerd: gebruik &lt;b&gt;Sanctielijst importeren…&lt;/b&gt; met het XML-bestand van de EU of de VN, de nationale sanctielijst of een targets.simple.csv van OpenSanctions (de gegevens van OpenSanctions mogen alleen niet-commercieel worden gebruikt).</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="479"/>
        <source>Screened {when} against {lists}; candidates scoring {threshold} or more out of 100.</source>
        <translation>Getoetst op {when} aan {lists}; mogelijke treffers scoren {threshold} of meer op 100.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="488"/>
        <source>&lt;b&gt;{list}&lt;/b&gt; {file} (of {date}, %Ln entries)</source>
        <translation>
            <numerusform>&lt;b&gt;{list}&lt;/b&gt; {file} (van {date}, %Ln vermelding)</numerusform>
            <numerusform>&lt;b&gt;{list}&lt;/b&gt; {file} (van {date}, %Ln vermeldingen)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="504"/>
        <source>{list} of {date} (%n days old)</source>
        <translation>
            <numerusform>{list} van {date} (%n dag oud)</numerusform>
            <numerusform>{list} van {date} (%n dagen oud)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="511"/>
        <source>Older than %n days: {0}. Import the newest version before relying on a screening.</source>
        <translation>
            <numerusform>Ouder dan %n dag: {0}. Importeer de nieuwste versie voordat u op een toetsing vertrouwt.</numerusform>
            <numerusform>Ouder dan %n dagen: {0}. Importeer de nieuwste versie voordat u op een toetsing vertrouwt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="537"/>
        <source>A newer sanctions list found %n new candidates after the decision. The decision stands; reopen the request to judge them.</source>
        <translation>
            <numerusform>Een nieuwere sanctielijst leverde na het besluit %n nieuwe mogelijke treffer op. Het besluit blijft staan; heropen het verzoek om die te beoordelen.</numerusform>
            <numerusform>Een nieuwere sanctielijst leverde na het besluit %n nieuwe mogelijke treffers op. Het besluit blijft staan; heropen het verzoek om ze te beoordelen.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="546"/>
        <source>Confirmed as a sanctions match: %n candidates.</source>
        <translation>
            <numerusform>Bevestigd als treffer op de sanctielijst: %n mogelijke treffer.</numerusform>
            <numerusform>Bevestigd als treffer op de sanctielijst: %n mogelijke treffers.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="555"/>
        <source>%n candidates to judge, {0} of them new from the newer sanctions list. Candidates judged before are not asked again.</source>
        <translation>
            <numerusform>%n mogelijke treffer te beoordelen ({0} nieuw, uit de nieuwere sanctielijst). Eerder beoordeelde mogelijke treffers worden niet opnieuw voorgelegd.</numerusform>
            <numerusform>%n mogelijke treffers te beoordelen, waarvan {0} nieuw uit de nieuwere sanctielijst. Eerder beoordeelde mogelijke treffers worden niet opnieuw voorgelegd.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="565"/>
        <source>%n candidates to judge. Confirm or dismiss each before deciding.</source>
        <translation>
            <numerusform>%n mogelijke treffer te beoordelen. Bevestig of wijs hem af voordat u besluit.</numerusform>
            <numerusform>%n mogelijke treffers te beoordelen. Bevestig of wijs elk ervan af voordat u besluit.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="529"/>
        <source>A newer sanctions list was imported since this screening: screen again.</source>
        <translation>Na deze toetsing is een nieuwere sanctielijst geïmporteerd: toets opnieuw.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="579"/>
        <source>&lt;h3&gt;Not screened yet&lt;/h3&gt;&lt;p&gt;Screen the company and its directors against the sanctions list with &lt;b&gt;Screen now&lt;/b&gt;.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Nog niet getoetst&lt;/h3&gt;&lt;p&gt;Toets het bedrijf en zijn bestuurders aan de sanctielijst met &lt;b&gt;Nu toetsen&lt;/b&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="583"/>
        <source>&lt;h3&gt;No candidates&lt;/h3&gt;&lt;p&gt;No name of the company or its directors comes close to an entry of the list.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Geen mogelijke treffers&lt;/h3&gt;&lt;p&gt;Geen naam van het bedrijf of zijn bestuurders komt in de buurt van een vermelding op de lijst.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="600"/>
        <source>{listed} — score {score} for {subject}</source>
        <translation>{listed} — score {score} voor {subject}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="606"/>
        <source>{list} of {date}</source>
        <translation>{list} van {date}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="633"/>
        <source>&lt;b style=&apos;color:{0}&apos;&gt;To judge.&lt;/b&gt; Is this the same company or person?</source>
        <translation>&lt;b style=&apos;color:{0}&apos;&gt;Te beoordelen.&lt;/b&gt; Is dit hetzelfde bedrijf of dezelfde persoon?</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="638"/>
        <source>Already judged before this screening, not asked again: &lt;b style=&apos;color:{color}&apos;&gt;{judgement}&lt;/b&gt; by {who} on {when}: {note}</source>
        <translation>Al beoordeeld vóór deze toetsing, niet opnieuw voorgelegd: &lt;b style=&apos;color:{color}&apos;&gt;{judgement}&lt;/b&gt; door {who} op {when}: {note}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/sanctions_panel.py" line="642"/>
        <source>&lt;b style=&apos;color:{color}&apos;&gt;{judgement}&lt;/b&gt; by {who} on {when}: {note}</source>
        <translation>&lt;b style=&apos;color:{color}&apos;&gt;{judgement}&lt;/b&gt; door {who} op {when}: {note}</translation>
    </message>
</context>
<context>
    <name>ScreeningLabels</name>
    <message>
        <location filename="../../postkit/ui/screening/labels.py" line="29"/>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/labels.py" line="30"/>
        <source>No</source>
        <translation>Nee</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/labels.py" line="31"/>
        <source>Unknown</source>
        <translation>Onbekend</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/labels.py" line="34"/>
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/labels.py" line="35"/>
        <source>Decided</source>
        <translation>Afgehandeld</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/labels.py" line="38"/>
        <source>To judge</source>
        <translation>Te beoordelen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/labels.py" line="39"/>
        <source>Confirmed</source>
        <translation>Bevestigd</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/labels.py" line="40"/>
        <source>Dismissed</source>
        <translation>Afgewezen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/labels.py" line="43"/>
        <source>Low risk</source>
        <translation>Laag risico</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/labels.py" line="44"/>
        <source>Medium risk</source>
        <translation>Gemiddeld risico</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/labels.py" line="45"/>
        <source>High risk</source>
        <translation>Hoog risico</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/labels.py" line="50"/>
        <source>EU sanctions list</source>
        <translation>EU-sanctielijst</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/labels.py" line="51"/>
        <source>UN sanctions list</source>
        <translation>VN-sanctielijst</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/labels.py" line="52"/>
        <source>Dutch terrorism sanctions list</source>
        <translation>Nationale sanctielijst terrorisme</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/labels.py" line="53"/>
        <source>OpenSanctions list (non-commercial use only)</source>
        <translation>OpenSanctions-lijst (alleen niet-commercieel gebruik)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/labels.py" line="61"/>
        <source>Person</source>
        <translation>Persoon</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/labels.py" line="62"/>
        <source>Organisation</source>
        <translation>Organisatie</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/labels.py" line="63"/>
        <source>Company</source>
        <translation>Bedrijf</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/labels.py" line="64"/>
        <source>Legal entity</source>
        <translation>Rechtspersoon</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/labels.py" line="65"/>
        <source>Vessel</source>
        <translation>Schip</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/labels.py" line="66"/>
        <source>Aircraft</source>
        <translation>Vliegtuig</translation>
    </message>
</context>
<context>
    <name>ScreeningPage</name>
    <message>
        <location filename="../../postkit/ui/screening/page.py" line="142"/>
        <source>New request</source>
        <translation>Nieuw verzoek</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/page.py" line="144"/>
        <source>Record a company&apos;s request for support (Ctrl+Shift+N)</source>
        <translation>Een steunverzoek van een bedrijf vastleggen (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/page.py" line="146"/>
        <source>Import sanctions list…</source>
        <translation>Sanctielijst importeren…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/page.py" line="151"/>
        <source>Import risk table…</source>
        <translation>Risicotabel importeren…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/page.py" line="199"/>
        <source>&amp;Request</source>
        <translation>&amp;Verzoek</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/page.py" line="200"/>
        <source>Chec&amp;klist</source>
        <translation>&amp;Checklist</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/page.py" line="201"/>
        <location filename="../../postkit/ui/screening/page.py" line="814"/>
        <source>S&amp;anctions</source>
        <translation>&amp;Sancties</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/page.py" line="202"/>
        <source>&amp;Decision</source>
        <translation>&amp;Besluit</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/page.py" line="203"/>
        <source>&amp;Log</source>
        <translation>&amp;Logboek</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/page.py" line="422"/>
        <source>Import sanctions list</source>
        <translation>Sanctielijst importeren</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/page.py" line="424"/>
        <source>Sanctions lists (EU or UN XML, Dutch list, targets.simple.csv) (*.xml *.xlsx *.ods *.csv);;All files (*)</source>
        <translation>Sanctielijsten (XML van de EU of de VN, nationale lijst, targets.simple.csv) (*.xml *.xlsx *.ods *.csv);;Alle bestanden (*)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/page.py" line="439"/>
        <source>Imported {0} ({1} of {2}): {3} entries. Requests screened again with new candidates: {4}.</source>
        <translation>{0} geïmporteerd ({1} van {2}): {3} vermeldingen. Opnieuw getoetste verzoeken met nieuwe mogelijke treffers: {4}.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/page.py" line="444"/>
        <source>{0} ({1} of {2}) was imported before; nothing new was stored. Requests with new candidates to judge: {4}.</source>
        <translation>{0} ({1} van {2}) was al eerder geïmporteerd; er is niets nieuws opgeslagen. Verzoeken met nieuwe mogelijke treffers om te beoordelen: {4}.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/page.py" line="461"/>
        <source>Importing the sanctions list…</source>
        <translation>De sanctielijst wordt geïmporteerd…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/page.py" line="478"/>
        <location filename="../../postkit/ui/screening/page.py" line="577"/>
        <source>Import risk table</source>
        <translation>Risicotabel importeren</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/page.py" line="478"/>
        <source>Risk table (*.csv *.xlsx);;All files (*)</source>
        <translation>Risicotabel (*.csv *.xlsx);;Alle bestanden (*)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../postkit/ui/screening/page.py" line="486"/>
        <source>Imported %n ratings from {0}.</source>
        <translation>
            <numerusform>%n beoordeling geïmporteerd uit {0}.</numerusform>
            <numerusform>%n beoordelingen geïmporteerd uit {0}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../postkit/ui/screening/page.py" line="509"/>
        <source>Screened {0}: %n candidates found.</source>
        <translation>
            <numerusform>{0} getoetst: %n kandidaat gevonden.</numerusform>
            <numerusform>{0} getoetst: %n kandidaten gevonden.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/page.py" line="518"/>
        <source>Screening against the sanctions list…</source>
        <translation>Toetsen aan de sanctielijst…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/page.py" line="534"/>
        <source>Print decision record</source>
        <translation>Besluitverslag afdrukken</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/page.py" line="536"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/page.py" line="544"/>
        <source>Decision record written to {0}</source>
        <translation>Besluitverslag opgeslagen in {0}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/page.py" line="550"/>
        <source>Writing the decision record…</source>
        <translation>Besluitverslag wordt geschreven…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/page.py" line="574"/>
        <source>Country risk</source>
        <translation>Landenrisico</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/page.py" line="574"/>
        <source>Sector risk</source>
        <translation>Sectorrisico</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/page.py" line="578"/>
        <source>Which table does the file hold?</source>
        <translation>Welke tabel staat in het bestand?</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/page.py" line="726"/>
        <source>From the figures: not enough known to tell (Request tab).</source>
        <translation>Volgens de cijfers: te weinig bekend om dat te bepalen (tabblad Verzoek).</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/page.py" line="728"/>
        <source>From the figures: a large company ({0} employees).</source>
        <translation>Volgens de cijfers: een groot bedrijf ({0} werknemers).</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/page.py" line="732"/>
        <source>From the figures: not a large company.</source>
        <translation>Volgens de cijfers: geen groot bedrijf.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/page.py" line="739"/>
        <source>Not screened yet: use Screen now on the Sanctions tab.</source>
        <translation>Nog niet getoetst: gebruik Nu toetsen op het tabblad Sancties.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../postkit/ui/screening/page.py" line="742"/>
        <source>%n candidate(s) confirmed as a match</source>
        <translation>
            <numerusform>%n mogelijke treffer bevestigd</numerusform>
            <numerusform>%n mogelijke treffers bevestigd</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../postkit/ui/screening/page.py" line="744"/>
        <source>%n candidate(s) still to judge</source>
        <translation>
            <numerusform>%n mogelijke treffer nog te beoordelen</numerusform>
            <numerusform>%n mogelijke treffers nog te beoordelen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../postkit/ui/screening/page.py" line="746"/>
        <source>%n candidate(s) dismissed</source>
        <translation>
            <numerusform>%n mogelijke treffer afgewezen</numerusform>
            <numerusform>%n mogelijke treffers afgewezen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/page.py" line="750"/>
        <source>no candidates</source>
        <translation>geen mogelijke treffers</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/page.py" line="751"/>
        <source>Sanctions screening on {0}: {1}.</source>
        <translation>Sanctietoetsing op {0}: {1}.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/page.py" line="754"/>
        <source>The screening does not answer this step: you do.</source>
        <translation>De toetsing beantwoordt deze stap niet: dat doet u.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/page.py" line="760"/>
        <source>Your answer “{answer}” ({when}, {who}) was given before this result.</source>
        <translation>Uw antwoord ‘{answer}’ ({when}, {who}) is gegeven vóór deze uitkomst.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/page.py" line="769"/>
        <source>It differs from the result: change it, or confirm it and say why.</source>
        <translation>Het wijkt af van de uitkomst: pas het aan, of bevestig het en licht toe waarom.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/page.py" line="771"/>
        <source>Confirm it or change it.</source>
        <translation>Bevestig het of pas het aan.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/page.py" line="774"/>
        <source>Your answer differs from the result: say why in the note.</source>
        <translation>Uw antwoord wijkt af van de uitkomst: licht in de toelichting toe waarom.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/page.py" line="792"/>
        <source>requested {0}</source>
        <translation>aangevraagd op {0}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/page.py" line="795"/>
        <source>handled by {0}</source>
        <translation>behandeld door {0}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/page.py" line="806"/>
        <source>Chec&amp;klist ({0}/{1})</source>
        <translation>&amp;Checklist ({0}/{1})</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/page.py" line="812"/>
        <source>S&amp;anctions ({0} to judge)</source>
        <translation>&amp;Sancties ({0} te beoordelen)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/page.py" line="824"/>
        <source>No sanctions list imported yet.</source>
        <translation>Nog geen sanctielijst geïmporteerd.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../postkit/ui/screening/page.py" line="832"/>
        <source>{list}: {file} · {date} · %n entries</source>
        <translation>
            <numerusform>{list}: {file} · {date} · %n vermelding</numerusform>
            <numerusform>{list}: {file} · {date} · %n vermeldingen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../postkit/ui/screening/page.py" line="839"/>
        <source>%n days old</source>
        <translation>
            <numerusform>%n dag oud</numerusform>
            <numerusform>%n dagen oud</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/page.py" line="864"/>
        <source>Screening requests again on the newer list…</source>
        <translation>Verzoeken opnieuw toetsen aan de nieuwere lijst…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/page.py" line="882"/>
        <source>{0} ({1}, decided: reopen it to judge them)</source>
        <translation>{0} ({1}, afgehandeld: heropen het om ze te beoordelen)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/page.py" line="885"/>
        <source>{0} ({1})</source>
        <translation>{0} ({1})</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/page.py" line="888"/>
        <source>The newer sanctions list found new candidates to judge for these requests: {0}. Candidates judged before are not asked again.</source>
        <translation>De nieuwere sanctielijst leverde voor deze verzoeken nieuwe te beoordelen mogelijke treffers op: {0}. Eerder beoordeelde mogelijke treffers worden niet opnieuw voorgelegd.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/page.py" line="903"/>
        <source>&lt;h2&gt;No support requests yet&lt;/h2&gt;&lt;p&gt;When a company asks the post for support, record it with &lt;b&gt;New request&lt;/b&gt; (Ctrl+Shift+N), then walk through the IMVO checklist, screen the names against the sanctions list and decide.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Nog geen steunverzoeken&lt;/h2&gt;&lt;p&gt;Vraagt een bedrijf de post om steun, leg het verzoek dan vast met &lt;b&gt;Nieuw verzoek&lt;/b&gt; (Ctrl+Shift+N). Doorloop daarna de IMVO-checklist, toets de namen aan de sanctielijst en neem een besluit.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/page.py" line="908"/>
        <source>&lt;h3&gt;No request selected&lt;/h3&gt;&lt;p&gt;Choose a request on the left.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Geen verzoek geselecteerd&lt;/h3&gt;&lt;p&gt;Kies links een verzoek.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/page.py" line="995"/>
        <source>Request of {0} recorded.</source>
        <translation>Verzoek van {0} vastgelegd.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/screening/page.py" line="1060"/>
        <source>Decision recorded for {0}.</source>
        <translation>Besluit vastgelegd voor {0}.</translation>
    </message>
</context>
<context>
    <name>SizeEdits</name>
    <message>
        <location filename="../../postkit/ui/widgets/size_edits.py" line="22"/>
        <source>unknown</source>
        <translation>onbekend</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/widgets/size_edits.py" line="23"/>
        <location filename="../../postkit/ui/widgets/size_edits.py" line="24"/>
        <source>EUR, unknown</source>
        <translation>EUR, onbekend</translation>
    </message>
</context>
<context>
    <name>StartResponseDialog</name>
    <message>
        <location filename="../../postkit/ui/surveys/dialogs.py" line="52"/>
        <source>Start a response</source>
        <translation>Nieuwe inzending</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/dialogs.py" line="57"/>
        <source>&amp;Anonymous: no name is stored</source>
        <translation>&amp;Anoniem: er wordt geen naam opgeslagen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/dialogs.py" line="58"/>
        <source>With the respondent&apos;s &amp;name:</source>
        <translation>Met de &amp;naam van de respondent:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/dialogs.py" line="65"/>
        <source>First and last name</source>
        <translation>Voor- en achternaam</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/dialogs.py" line="79"/>
        <source>Start</source>
        <translation>Beginnen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/dialogs.py" line="84"/>
        <source>&amp;Language:</source>
        <translation>&amp;Taal:</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../postkit/ui/app.py" line="267"/>
        <source>That passphrase is wrong. Try again, or quit.</source>
        <translation>Die wachtzin is onjuist. Probeer het opnieuw, of sluit af.</translation>
    </message>
</context>
<context>
    <name>SurveysPage</name>
    <message>
        <location filename="../../postkit/ui/surveys/page.py" line="784"/>
        <source>; each repeat in its own file: {0}</source>
        <translation>; elke herhaalde groep in een eigen bestand: {0}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/page.py" line="786"/>
        <source>; the audit log: {0}</source>
        <translation>; het auditlogboek: {0}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/page.py" line="141"/>
        <source>Surveys</source>
        <translation>Enquêtes</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/page.py" line="143"/>
        <source>&amp;Import a survey…</source>
        <translation>Enquête &amp;importeren…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/page.py" line="144"/>
        <source>Add a survey form from an XLSForm workbook (.xlsx)</source>
        <translation>Een enquêteformulier toevoegen uit een XLSForm-werkmap (.xlsx)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/page.py" line="160"/>
        <source>Survey forms</source>
        <translation>Enquêteformulieren</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/page.py" line="162"/>
        <source>Survey</source>
        <translation>Enquête</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/page.py" line="162"/>
        <source>Version</source>
        <translation>Versie</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/page.py" line="162"/>
        <location filename="../../postkit/ui/surveys/page.py" line="369"/>
        <source>Submitted</source>
        <translation>Verzonden</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/page.py" line="162"/>
        <source>Drafts</source>
        <translation>Concepten</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/page.py" line="180"/>
        <source>&lt;h3&gt;No surveys yet&lt;/h3&gt;&lt;p&gt;Add a survey form headquarters sent you with &lt;b&gt;Import a survey…&lt;/b&gt; (an XLSForm workbook, .xlsx).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Nog geen enquêtes&lt;/h3&gt;&lt;p&gt;Voeg een enquêteformulier dat het departement u stuurde toe met &lt;b&gt;Enquête importeren…&lt;/b&gt; (een XLSForm-werkmap, .xlsx).&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/page.py" line="193"/>
        <source>S&amp;tart a response…</source>
        <translation>&amp;Nieuwe inzending…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/page.py" line="196"/>
        <source>&amp;Continue draft</source>
        <translation>&amp;Concept voortzetten</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/page.py" line="198"/>
        <source>&amp;Discard draft…</source>
        <translation>Concept &amp;verwijderen…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/page.py" line="200"/>
        <source>E&amp;xport responses…</source>
        <translation>Inzendingen e&amp;xporteren…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/page.py" line="202"/>
        <source>Write the post&apos;s submitted responses to .xlsx or .csv for headquarters</source>
        <translation>De verzonden inzendingen van de post naar .xlsx of .csv schrijven voor het departement</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/page.py" line="212"/>
        <source>Responses</source>
        <translation>Inzendingen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/page.py" line="215"/>
        <source>Respondent</source>
        <translation>Respondent</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/page.py" line="216"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/page.py" line="217"/>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/page.py" line="218"/>
        <source>Started</source>
        <translation>Begonnen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/page.py" line="219"/>
        <source>Last change</source>
        <translation>Laatste wijziging</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/page.py" line="229"/>
        <source>No responses yet. Each respondent starts their own with Start a response.</source>
        <translation>Nog geen inzendingen. Elke respondent begint een eigen inzending met Nieuwe inzending.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/page.py" line="355"/>
        <source>{form_id}, version {version} · imported {when} · submitted: {submitted} · drafts: {drafts}</source>
        <translation>{form_id}, versie {version} · geïmporteerd op {when} · verzonden: {submitted} · concepten: {drafts}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/page.py" line="368"/>
        <source>Anonymous</source>
        <translation>Anoniem</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/page.py" line="369"/>
        <source>Draft</source>
        <translation>Concept</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/page.py" line="444"/>
        <source>an anonymous respondent</source>
        <translation>een anonieme respondent</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/page.py" line="447"/>
        <source>Continue the draft?</source>
        <translation>Concept voortzetten?</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/page.py" line="448"/>
        <source>Continue your draft from {0}?</source>
        <translation>Uw concept van {0} voortzetten?</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/page.py" line="451"/>
        <source>It was started by {0}.</source>
        <translation>Het is begonnen door {0}.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/page.py" line="452"/>
        <source>Continue draft</source>
        <translation>Concept voortzetten</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/page.py" line="454"/>
        <source>Start a new response</source>
        <translation>Nieuwe inzending beginnen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/page.py" line="457"/>
        <source>Not now</source>
        <translation>Niet nu</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/page.py" line="557"/>
        <source>Discard this draft? Its answers are deleted.</source>
        <translation>Dit concept verwijderen? De antwoorden worden gewist.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/page.py" line="558"/>
        <source>Discard draft</source>
        <translation>Concept verwijderen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/page.py" line="558"/>
        <source>Discard</source>
        <translation>Verwijderen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/page.py" line="611"/>
        <source>Draft saved {0}</source>
        <translation>Concept opgeslagen op {0}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/page.py" line="643"/>
        <source>Draft saved at {0}</source>
        <translation>Concept opgeslagen om {0}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/page.py" line="688"/>
        <source>The response was submitted. Thank you!</source>
        <translation>De inzending is verzonden. Hartelijk dank!</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/page.py" line="690"/>
        <source>The next respondent can start their own with Start a response.</source>
        <translation>De volgende respondent kan een eigen inzending beginnen met Nieuwe inzending.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/page.py" line="701"/>
        <source>Import a survey</source>
        <translation>Enquête importeren</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/page.py" line="702"/>
        <source>XLSForm workbook (*.xlsx)</source>
        <translation>XLSForm-werkmap (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/page.py" line="732"/>
        <source>Imported “{0}”, version {1}</source>
        <translation>“{0}” geïmporteerd, versie {1}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/page.py" line="738"/>
        <source>Importing the survey…</source>
        <translation>De enquête wordt geïmporteerd…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/page.py" line="763"/>
        <location filename="../../postkit/ui/surveys/page.py" line="801"/>
        <source>Export responses</source>
        <translation>Inzendingen exporteren</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/page.py" line="765"/>
        <source>Excel workbook (*.xlsx);;CSV, comma-separated (*.csv)</source>
        <translation>Excel-werkmap (*.xlsx);;CSV, kommagescheiden (*.csv)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/page.py" line="791"/>
        <source>Exporting the responses…</source>
        <translation>De inzendingen worden geëxporteerd…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../postkit/ui/surveys/page.py" line="803"/>
        <source>The export holds %n submitted response(s) to “{title}”, version {version}, as responses of {post}.</source>
        <translation>
            <numerusform>De export bevat %n ingezonden inzending voor “{title}”, versie {version}, als inzending van {post}.</numerusform>
            <numerusform>De export bevat %n ingezonden inzendingen voor “{title}”, versie {version}, als inzendingen van {post}.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/page.py" line="816"/>
        <source>Export…</source>
        <translation>Exporteren…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/page.py" line="824"/>
        <source>No response is left out.</source>
        <translation>Er wordt geen inzending weggelaten.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/page.py" line="825"/>
        <source>Left out:</source>
        <translation>Weggelaten:</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/page.py" line="829"/>
        <source>{who}, started {when}</source>
        <translation>{who}, begonnen {when}</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/surveys/page.py" line="830"/>
        <source>anonymous</source>
        <translation>anoniem</translation>
    </message>
    <message numerus="yes">
        <location filename="../../postkit/ui/surveys/page.py" line="838"/>
        <source>• %n draft(s), not submitted yet: {0}</source>
        <translation>
            <numerusform>• %n concept, nog niet ingezonden: {0}</numerusform>
            <numerusform>• %n concepten, nog niet ingezonden: {0}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../postkit/ui/surveys/page.py" line="845"/>
        <source>• %n response(s) to version {0} of the form: select that version to export them</source>
        <translation>
            <numerusform>• %n inzending voor versie {0} van de vragenlijst: kies die versie om haar te exporteren</numerusform>
            <numerusform>• %n inzendingen voor versie {0} van de vragenlijst: kies die versie om ze te exporteren</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../postkit/ui/surveys/page.py" line="780"/>
        <source>Exported %n response(s) to {0}</source>
        <translation>
            <numerusform>%n inzending geëxporteerd naar {0}</numerusform>
            <numerusform>%n inzendingen geëxporteerd naar {0}</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ThemesAndSectors</name>
    <message>
        <location filename="../../postkit/ui/widgets/check_list.py" line="83"/>
        <source>Themes</source>
        <translation>Thema&apos;s</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/widgets/check_list.py" line="84"/>
        <source>Sectors</source>
        <translation>Sectoren</translation>
    </message>
</context>
<context>
    <name>UserGuideDialog</name>
    <message>
        <location filename="../../postkit/ui/help.py" line="57"/>
        <source>postkit user guide</source>
        <translation>Handleiding postkit</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/help.py" line="61"/>
        <source>Contents</source>
        <translation>Inhoud</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/help.py" line="63"/>
        <source>User guide</source>
        <translation>Handleiding</translation>
    </message>
</context>
<context>
    <name>UserPickDialog</name>
    <message>
        <location filename="../../postkit/ui/users_dialog.py" line="208"/>
        <source>Who is working?</source>
        <translation>Wie werkt er?</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/users_dialog.py" line="210"/>
        <source>Pick your name. Records you create or change will name you.</source>
        <translation>Kies uw naam. Bij wat u vastlegt of wijzigt, wordt uw naam vermeld.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/users_dialog.py" line="213"/>
        <source>Users</source>
        <translation>Gebruikers</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <location filename="../../postkit/ui/users_dialog.py" line="51"/>
        <location filename="../../postkit/ui/users_dialog.py" line="65"/>
        <source>Users</source>
        <translation>Gebruikers</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/users_dialog.py" line="55"/>
        <source>The people at the post who use postkit. Each picks their name when postkit starts, and records name who created and changed them. A name is a label, not a login: postkit does not check who picks it, so on a shared laptop a record shows the name that was picked. Someone who left the post is deactivated: their name stays on their records.</source>
        <translation>De medewerkers van de post die postkit gebruiken. Ieder kiest bij de start van postkit de eigen naam, en bij de gegevens staat wie ze heeft gemaakt en gewijzigd. Een naam is een label, geen inlog: postkit controleert niet wie hem kiest, dus op een gedeelde laptop toont een gegeven de naam die gekozen is. Wie de post heeft verlaten, wordt gedeactiveerd: de naam blijft bij de eigen gegevens staan.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/users_dialog.py" line="67"/>
        <source>Name of a new user</source>
        <translation>Naam van een nieuwe gebruiker</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/users_dialog.py" line="70"/>
        <source>&amp;Add</source>
        <translation>&amp;Toevoegen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/users_dialog.py" line="71"/>
        <source>&amp;Rename…</source>
        <translation>&amp;Naam wijzigen…</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/users_dialog.py" line="72"/>
        <location filename="../../postkit/ui/users_dialog.py" line="149"/>
        <source>&amp;Deactivate</source>
        <translation>&amp;Deactiveren</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/users_dialog.py" line="113"/>
        <source>{0} (left the post)</source>
        <translation>{0} (heeft de post verlaten)</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/users_dialog.py" line="137"/>
        <source>{0} is in the list already.</source>
        <translation>{0} staat al in de lijst.</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/users_dialog.py" line="147"/>
        <source>&amp;Reactivate</source>
        <translation>&amp;Weer activeren</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/users_dialog.py" line="188"/>
        <source>Rename user</source>
        <translation>Naam van gebruiker wijzigen</translation>
    </message>
    <message>
        <location filename="../../postkit/ui/users_dialog.py" line="188"/>
        <source>Name:</source>
        <translation>Naam:</translation>
    </message>
</context>
<context>
    <name>_RadioInput</name>
    <message>
        <location filename="../../postkit/ui/surveys/inputs.py" line="281"/>
        <source>Clear answer</source>
        <translation>Antwoord wissen</translation>
    </message>
</context>
</TS>
