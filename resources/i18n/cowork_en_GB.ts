<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
<context>
    <name>ActionReviewAnswer</name>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/questions.py" line="932" />
        <source>No actions were open from earlier meetings.</source>
        <translation>No actions were open from earlier meetings.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/questions.py" line="948" />
        <source>Done?</source>
        <translation>Done?</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/questions.py" line="960" />
        <source>Note (what happened, new date)</source>
        <translation>Note (what happened, new date)</translation>
    </message>
</context>
<context>
    <name>ActionRow</name>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/questions.py" line="799" />
        <source>What will be done</source>
        <translation>What will be done</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/questions.py" line="802" />
        <source>Who?</source>
        <translation>Who?</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/questions.py" line="807" />
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/questions.py" line="812" />
        <source>by</source>
        <translation>by</translation>
    </message>
</context>
<context>
    <name>ActionsAnswer</name>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/questions.py" line="851" />
        <source>No actions yet.</source>
        <translation>No actions yet.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/questions.py" line="853" />
        <source>Add action</source>
        <translation>Add action</translation>
    </message>
</context>
<context>
    <name>AmendReasonDialog</name>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/record_view.py" line="39" />
        <source>Amend a signed record</source>
        <translation>Amend a signed record</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/record_view.py" line="41" />
        <location filename="../../cowork_desktop/ui/wizard/record_view.py" line="55" />
        <source>Why is this record being amended?</source>
        <translation>Why is this record being amended?</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/record_view.py" line="47" />
        <source>The signed version stays as it is and readable; the amendment is a new version that is signed again. Say what is corrected and why.</source>
        <translation>The signed version stays as it is and readable; the amendment is a new version that is signed again. Say what is corrected and why.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/record_view.py" line="62" />
        <source>Amend</source>
        <translation>Amend</translation>
    </message>
</context>
<context>
    <name>BackupRunner</name>
    <message>
        <location filename="../../cowork_desktop/ui/backup_runner.py" line="86" />
        <source>Today's backup could not be taken: %1</source>
        <extracomment>held while a thread reads through ``source``: the backups and the background publishing take turns</extracomment>
        <translation>Today's backup could not be taken: %1</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/backup_runner.py" line="127" />
        <source>Backed up and checked: %1</source>
        <translation>Backed up and checked: %1</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/backup_runner.py" line="129" />
        <source>A backup could not be taken: %1</source>
        <translation>A backup could not be taken: %1</translation>
    </message>
</context>
<context>
    <name>CadenceTimeline</name>
    <message>
        <location filename="../../cowork_desktop/ui/charts.py" line="215" />
        <source>Agreed and held dates</source>
        <translation>Agreed and held dates</translation>
    </message>
</context>
<context>
    <name>CaseDialog</name>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="51" />
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="52" />
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="53" />
        <source>Transferred</source>
        <translation>Transferred</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="211" />
        <source>Edit case</source>
        <translation>Edit case</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="210" />
        <source>New case</source>
        <translation>New case</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="217" />
        <source>Case reference only — never a child's name. Use initials for the children.</source>
        <translation>Case reference only — never a child's name. Use initials for the children.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="223" />
        <source>Number of children</source>
        <translation>Number of children</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="224" />
        <source>e.g. AB, CD</source>
        <translation>e.g. AB, CD</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="226" />
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="231" />
        <source>Case status</source>
        <translation>Case status</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="235" />
        <source>Case &amp;reference:</source>
        <translation>Case &amp;reference:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="237" />
        <source>From the case management system, e.g. CR-100234.</source>
        <translation>From the case management system, e.g. CR-100234.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="239" />
        <source>Number of &amp;children:</source>
        <translation>Number of &amp;children:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="242" />
        <source>Children's &amp;initials:</source>
        <translation>Children's &amp;initials:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="244" />
        <source>Initials only, in capitals (optional).</source>
        <translation>Initials only, in capitals (optional).</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="246" />
        <source>&amp;Plan:</source>
        <translation>&amp;Plan:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="247" />
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
</context>
<context>
    <name>CaseExport</name>
    <message>
        <location filename="../../cowork_desktop/ui/export_dialog.py" line="126" />
        <source>Signing the records of case %1…</source>
        <translation>Signing the records of case %1…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/export_dialog.py" line="127" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/export_dialog.py" line="133" />
        <source>Export the whole case</source>
        <translation>Export the whole case</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/export_dialog.py" line="169" />
        <source>Signed %1 of %2 records of case %3…</source>
        <translation>Signed %1 of %2 records of case %3…</translation>
    </message>
</context>
<context>
    <name>CaseInsightsPanel</name>
    <message>
        <source>Drift towards parallel working</source>
        <translation type="vanished">Drift towards parallel working</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/insights_views.py" line="298" />
        <source>Export calendar (.ics)…</source>
        <translation>Export calendar (.ics)…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/insights_views.py" line="300" />
        <source>Export calendar for this case</source>
        <translation>Export calendar for this case</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/insights_views.py" line="301" />
        <source>The next review and the agreed discussions and joint supervision, as calendar events.</source>
        <translation>The next review and the agreed discussions and joint supervision, as calendar events.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/insights_views.py" line="310" />
        <source>Agreed dates and held dates</source>
        <translation>Agreed dates and held dates</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/insights_views.py" line="325" />
        <source>Promises kept</source>
        <translation>Promises kept</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/insights_views.py" line="318" />
        <source>An action is done on time when a record confirmed it by its due date, or at the first look after it fell due; late when a record had found it not done first. Actions not yet due are left out.</source>
        <translation>An action is done on time when a record confirmed it by its due date, or at the first look after it fell due; late when a record had found it not done first. Actions not yet due are left out.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/insights_views.py" line="334" />
        <source>Partnership over time</source>
        <translation>Partnership over time</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/insights_views.py" line="370" />
        <source>Co-working has ended</source>
        <translation>Co-working has ended</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/insights_views.py" line="373" />
        <source>Drift is reckoned for co-working still in place; the history is below.</source>
        <translation>Drift is reckoned for co-working still in place; the history is below.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/insights_views.py" line="376" />
        <source>Not co-allocated</source>
        <translation>Not co-allocated</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/insights_views.py" line="379" />
        <source>Nothing to show until the case is co-allocated to two workers.</source>
        <translation>Nothing to show until the case is co-allocated to two workers.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/insights_views.py" line="390" />
        <source>No co-allocation yet.</source>
        <translation>No co-allocation yet.</translation>
    </message>
</context>
<context>
    <name>CaseListPage</name>
    <message>
        <location filename="../../cowork_desktop/ui/case_list.py" line="142" />
        <location filename="../../cowork_desktop/ui/case_list.py" line="162" />
        <source>Cases</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_list.py" line="140" />
        <source>&amp;New case…</source>
        <extracomment>the cases the search finds, in order (None: no search, every case read by page) what this page shows (``services.changes.KINDS``): the main window refreshes it when one changes</extracomment>
        <translation>&amp;New case…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_list.py" line="140" />
        <source>New case</source>
        <translation>New case</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_list.py" line="145" />
        <source>&amp;Search:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_list.py" line="149" />
        <source>Search cases</source>
        <translation>Search cases</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_list.py" line="148" />
        <source>Case reference or worker name</source>
        <translation>Case reference or worker name</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_list.py" line="150" />
        <source>Clear the search</source>
        <translation>Clear the search</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_list.py" line="178" />
        <source>Double-click a case, or select it and press Enter, to open it.</source>
        <translation>Double-click a case, or select it and press Enter, to open it.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_list.py" line="204" />
        <source>%1 matching</source>
        <translation>%1 matching</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_list.py" line="204" />
        <source>1 matching</source>
        <translation>1 matching</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_list.py" line="208" />
        <source>%1 cases</source>
        <translation>%1 cases</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_list.py" line="208" />
        <source>1 case</source>
        <translation>1 case</translation>
    </message>
</context>
<context>
    <name>CasePage</name>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="150" />
        <source>← All cases</source>
        <extracomment>the meeting buttons, in the order of the protocol what this page shows (``services.changes.KINDS``): the main window refreshes it when one changes</extracomment>
        <translation>← All cases</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="150" />
        <source>Back to all cases</source>
        <translation>Back to all cases</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="156" />
        <source>&amp;Edit case…</source>
        <translation>&amp;Edit case…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="156" />
        <source>Edit case</source>
        <translation>Edit case</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="159" />
        <location filename="../../cowork_desktop/ui/case_page.py" line="416" />
        <source>New &amp;co-allocation…</source>
        <translation>New &amp;co-allocation…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="161" />
        <location filename="../../cowork_desktop/ui/case_page.py" line="419" />
        <source>New co-allocation</source>
        <translation>New co-allocation</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="175" />
        <source>Co-allocation</source>
        <translation>Co-allocation</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="178" />
        <source>Co-workers</source>
        <translation>Co-workers</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="178" />
        <source>Lead</source>
        <translation>Lead</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="178" />
        <source>Reasons</source>
        <translation>Reasons</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="178" />
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="178" />
        <source>Until</source>
        <translation>Until</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="198" />
        <source>Record a meeting</source>
        <translation>Record a meeting</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="211" />
        <source>Due for this case</source>
        <translation>Due for this case</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="218" />
        <source>Nothing is due for this case.</source>
        <translation>Nothing is due for this case.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="224" />
        <source>Record the issue-resolution MDR for the selected &amp;issue</source>
        <translation>Record the issue-resolution MDR for the selected &amp;issue</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="226" />
        <source>Record the issue-resolution MDR for the selected issue</source>
        <translation>Record the issue-resolution MDR for the selected issue</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="227" />
        <source>Linked to the review that found the issue, and filled in with what it recorded.</source>
        <translation>Linked to the review that found the issue, and filled in with what it recorded.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="256" />
        <source>Double-click a record, or select it and press Enter, to open it.</source>
        <translation>Double-click a record, or select it and press Enter, to open it.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="260" />
        <source>&amp;Open record</source>
        <translation>&amp;Open record</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="260" />
        <source>Open record</source>
        <translation>Open record</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="270" />
        <source>No records yet: start with the initial co-working meeting.</source>
        <translation>No records yet: start with the initial co-working meeting.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="275" />
        <source>&amp;Records</source>
        <translation>&amp;Records</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="276" />
        <source>Co-workin&amp;g health</source>
        <translation>Co-workin&amp;g health</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="315" />
        <source>Case %1</source>
        <translation>Case %1</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="317" />
        <source>1 child</source>
        <translation>1 child</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="319" />
        <source>%1 children</source>
        <translation>%1 children</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="338" />
        <source>Coming up in the next %1 days</source>
        <translation>Coming up in the next %1 days</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="342" />
        <source>Nothing is expected for this case in the next %1 days.</source>
        <translation>Nothing is expected for this case in the next %1 days.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="384" />
        <source>This case is not co-allocated yet. Choose “New co-allocation” to name the two co-workers.</source>
        <translation>This case is not co-allocated yet. Choose “New co-allocation” to name the two co-workers.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="411" />
        <source>Each button opens the draft of that meeting, or starts one.</source>
        <translation>Each button opens the draft of that meeting, or starts one.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="444" />
        <source>None of these: another issue</source>
        <translation>None of these: another issue</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="448" />
        <source>Issue-resolution MDR</source>
        <translation>Issue-resolution MDR</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="450" />
        <source>Which open issue does this MDR resolve? It is linked to that review and filled in from it.</source>
        <translation>Which open issue does this MDR resolve? It is linked to that review and filled in from it.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="406" />
        <source>Co-allocate the case to two workers before recording a meeting.</source>
        <translation>Co-allocate the case to two workers before recording a meeting.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="416" />
        <source>Edit &amp;co-allocation…</source>
        <translation>Edit &amp;co-allocation…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="419" />
        <source>Edit co-allocation</source>
        <translation>Edit co-allocation</translation>
    </message>
</context>
<context>
    <name>CertificateDialog</name>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="125" />
        <source>Your signing certificate</source>
        <translation>Your signing certificate</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="129" />
        <source>Set up your signing certificate</source>
        <translation>Set up your signing certificate</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="133" />
        <source>Signed case notes carry a digital signature made with your certificate, so anyone can check who signed them and that they have not been changed. You need to do this once.</source>
        <translation>Signed case notes carry a digital signature made with your certificate, so anyone can check who signed them and that they have not been changed. You need to do this once.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="138" />
        <source>&amp;Create my signing certificate</source>
        <translation>&amp;Create my signing certificate</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="141" />
        <source>&amp;Import a certificate file (.p12/.pfx) from my organisation</source>
        <translation>&amp;Import a certificate file (.p12/.pfx) from my organisation</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="162" />
        <source>Certificate</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="199" />
        <source>Your &amp;name:</source>
        <translation>Your &amp;name:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="201" />
        <source>As it appears on every signed case note.</source>
        <translation>As it appears on every signed case note.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="203" />
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="206" />
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="234" />
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="211" />
        <source>&amp;Type it again:</source>
        <translation>&amp;Type it again:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="216" />
        <source>manager.p12</source>
        <translation>manager.p12</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="218" />
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="220" />
        <source>Choose the certificate file</source>
        <translation>Choose the certificate file</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="227" />
        <source>Certificate &amp;file:</source>
        <translation>Certificate &amp;file:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="229" />
        <source>The .p12 or .pfx file your organisation gave you.</source>
        <translation>The .p12 or .pfx file your organisation gave you.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="236" />
        <source>The passphrase that came with the file. It is never stored.</source>
        <translation>The passphrase that came with the file. It is never stored.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="250" />
        <source>Co&amp;py</source>
        <translation>Co&amp;py</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="252" />
        <source>Copy the fingerprint</source>
        <translation>Copy the fingerprint</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="257" />
        <source>SHA-256 fingerprint:</source>
        <translation>SHA-256 fingerprint:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="261" />
        <source>Read it to colleagues by phone or in person, so they can check that the file they were given is yours.</source>
        <translation>Read it to colleagues by phone or in person, so they can check that the file they were given is yours.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="268" />
        <source>Open &amp;folder</source>
        <translation>Open &amp;folder</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="270" />
        <source>Open the folder of the public certificate</source>
        <translation>Open the folder of the public certificate</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="275" />
        <source>Public certificate:</source>
        <translation>Public certificate:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="279" />
        <source>Give this .crt file to colleagues who check your case notes: they add it in Settings ▸ Signing and trust. It holds no secret; keep the .p12 file to yourself.</source>
        <translation>Give this .crt file to colleagues who check your case notes: they add it in Settings ▸ Signing and trust. It holds no secret; keep the .p12 file to yourself.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="303" />
        <source>Create certificate</source>
        <translation>Create certificate</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="303" />
        <source>Import certificate</source>
        <translation>Import certificate</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="333" />
        <source>Choose your certificate file</source>
        <translation>Choose your certificate file</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="335" />
        <source>Certificate files (*.p12 *.pfx);;All files (*)</source>
        <translation>Certificate files (*.p12 *.pfx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="384" />
        <source>Recorded as known to this database: case notes signed with it verify here.</source>
        <translation>Recorded as known to this database: case notes signed with it verify here.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="385" />
        <source>This database already knew this certificate.</source>
        <translation>This database already knew this certificate.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="389" />
        <source>Your signing certificate is ready</source>
        <translation>Your signing certificate is ready</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="398" />
        <source>Not saved.</source>
        <translation>Not saved.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="404" />
        <source>Done</source>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="413" />
        <source>Enter your name as it should appear on signed case notes.</source>
        <translation>Enter your name as it should appear on signed case notes.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="418" />
        <source>The two passphrases are different: type the same one twice.</source>
        <translation>The two passphrases are different: type the same one twice.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="454" />
        <source>Choose the certificate file your organisation gave you.</source>
        <translation>Choose the certificate file your organisation gave you.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="456" />
        <source>There is no such file.</source>
        <translation>There is no such file.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="458" />
        <source>Enter the passphrase that came with the certificate.</source>
        <translation>Enter the passphrase that came with the certificate.</translation>
    </message>
</context>
<context>
    <name>CertificatePage</name>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="214" />
        <source>Your signing certificate</source>
        <translation>Your signing certificate</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="216" />
        <source>You sign each MDR with it, so anyone can check who signed it and that it is unchanged.</source>
        <translation>You sign each MDR with it, so anyone can check who signed it and that it is unchanged.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="233" />
        <source>&amp;Your name:</source>
        <translation>&amp;Your name:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="234" />
        <source>Bro&amp;wse…</source>
        <translation>Bro&amp;wse…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="243" />
        <source>&amp;Later: ask me when I first sign a record</source>
        <translation>&amp;Later: ask me when I first sign a record</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="269" />
        <source>Your certificate is set up: %1</source>
        <translation>Your certificate is set up: %1</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <location filename="../../cowork_desktop/ui/security.py" line="213" />
        <source>Change the passphrase</source>
        <translation>Change the passphrase</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/security.py" line="225" />
        <source>Backups taken before the change keep the old passphrase.</source>
        <translation>Backups taken before the change keep the old passphrase.</translation>
    </message>
</context>
<context>
    <name>CoAllocationDialog</name>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="290" />
        <source>Edit co-allocation</source>
        <translation>Edit co-allocation</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="289" />
        <source>New co-allocation</source>
        <translation>New co-allocation</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="313" />
        <source>Type the case reference</source>
        <translation>Type the case reference</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="319" />
        <source>&amp;Case:</source>
        <translation>&amp;Case:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="325" />
        <source>Case %1</source>
        <translation>Case %1</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="327" />
        <source>First co-worker</source>
        <translation>First co-worker</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="328" />
        <source>Second co-worker</source>
        <translation>Second co-worker</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="329" />
        <source>Lead worker</source>
        <translation>Lead worker</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="330" />
        <location filename="../../cowork_desktop/ui/dialogs.py" line="427" />
        <source>Choose the two co-workers first</source>
        <translation>Choose the two co-workers first</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="342" />
        <source>Reason: %1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="346" />
        <source>&amp;First co-worker:</source>
        <translation>&amp;First co-worker:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="347" />
        <source>&amp;Second co-worker:</source>
        <translation>&amp;Second co-worker:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="350" />
        <source>&amp;Lead:</source>
        <translation>&amp;Lead:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="352" />
        <source>The experienced worker usually leads at first, to model good practice.</source>
        <translation>The experienced worker usually leads at first, to model good practice.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="354" />
        <source>Co-allocated &amp;on:</source>
        <translation>Co-allocated &amp;on:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="356" />
        <source>&amp;Reasons:</source>
        <translation>&amp;Reasons:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="362" />
        <location filename="../../cowork_desktop/ui/dialogs.py" line="364" />
        <source>Co-working has ended</source>
        <translation>Co-working has ended</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="367" />
        <source>e.g. student placement finished</source>
        <translation>e.g. student placement finished</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="369" />
        <source>&amp;Ended:</source>
        <translation>&amp;Ended:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="370" />
        <source>&amp;End date:</source>
        <translation>&amp;End date:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="371" />
        <source>End reas&amp;on:</source>
        <translation>End reas&amp;on:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="402" />
        <source>Choose a worker</source>
        <translation>Choose a worker</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="399" />
        <source>(inactive)</source>
        <translation>(inactive)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="427" />
        <source>Choose the lead</source>
        <translation>Choose the lead</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="437" />
        <source>Type the reference of the case to co-allocate.</source>
        <translation>Type the reference of the case to co-allocate.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="442" />
        <source>There is no case with reference %1.</source>
        <translation>There is no case with reference %1.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="447" />
        <source>Choose the first co-worker.</source>
        <translation>Choose the first co-worker.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="449" />
        <source>Choose the second co-worker.</source>
        <translation>Choose the second co-worker.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="451" />
        <source>Choose which of the two co-workers leads.</source>
        <translation>Choose which of the two co-workers leads.</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../cowork_desktop/ui/dashboard.py" line="158" />
        <source>What needs doing</source>
        <translation>What needs doing</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dashboard.py" line="153" />
        <source>&amp;As on:</source>
        <extracomment>rows of the dashboard table are this many lines of text tall (a long message wraps to a second line) rows looked at to size a column to its contents (Qt's default, 1000, is slow with thousands of rows) Qt's "no maximum" for a widget's size what coming up shows: no severity (nothing is late yet) what this page shows (``services.changes.KINDS``): the main window refreshes it when one changes what is due, being read in steps (a large service's); None once read each active co-allocation's items as last reckoned: a refresh reckons again only those that changed</extracomment>
        <translation>&amp;As on:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dashboard.py" line="155" />
        <source>As on date</source>
        <translation>As on date</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dashboard.py" line="168" />
        <source>Counts</source>
        <translation>Counts</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dashboard.py" line="173" />
        <source>Reading what is due</source>
        <translation>Reading what is due</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dashboard.py" line="180" />
        <source>Double-click a line, or select it and press Enter, to open the case.</source>
        <translation>Double-click a line, or select it and press Enter, to open the case.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dashboard.py" line="184" />
        <source>Due and overdue items</source>
        <translation>Due and overdue items</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dashboard.py" line="210" />
        <source>Coming up</source>
        <translation>Coming up</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dashboard.py" line="224" />
        <source>&amp;Due and coming up</source>
        <translation>&amp;Due and coming up</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dashboard.py" line="278" />
        <source>Reading what is due on %1…</source>
        <translation>Reading what is due on %1…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dashboard.py" line="308" />
        <source>Coming up in the next %1 days (%2)</source>
        <translation>Coming up in the next %1 days (%2)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dashboard.py" line="314" />
        <source>Nothing is expected in the next %1 days.</source>
        <translation>Nothing is expected in the next %1 days.</translation>
    </message>
    <message>
        <source>&amp;Due and overdue</source>
        <translation type="vanished">&amp;Due and overdue</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dashboard.py" line="225" />
        <source>Team view: drift and &amp;promises</source>
        <translation>Team view: drift and &amp;promises</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dashboard.py" line="298" />
        <source>Nothing is due or overdue on %1.</source>
        <translation>Nothing is due or overdue on %1.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dashboard.py" line="301" />
        <source>Initial meetings, reviews, reflective discussions and agreed actions appear here when due.</source>
        <translation>Initial meetings, reviews, reflective discussions and agreed actions appear here when due.</translation>
    </message>
</context>
<context>
    <name>DataPage</name>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="154" />
        <source>Your data</source>
        <translation>Your data</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="155" />
        <source>Everything stays on this computer. Nothing is ever sent over the network.</source>
        <translation>Everything stays on this computer. Nothing is ever sent over the network.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="161" />
        <source>Your records:</source>
        <translation>Your records:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="163" />
        <source>One file, readable by you only. File ▸ Open database… opens another.</source>
        <translation>One file, readable by you only. File ▸ Open database… opens another.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="167" />
        <source>Encrypted with your passphrase: without it the file is unreadable.</source>
        <translation>Encrypted with your passphrase: without it the file is unreadable.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="170" />
        <source>Not encrypted. Keep this computer's disk encryption on. (An encrypted database is offered when the app creates its database at the very first start.)</source>
        <translation>Not encrypted. Keep this computer's disk encryption on. (An encrypted database is offered when the app creates its database at the very first start.)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="176" />
        <source>Encryption:</source>
        <translation>Encryption:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="179" />
        <source>Bro&amp;wse…</source>
        <translation>Bro&amp;wse…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="186" />
        <source>Backups &amp;go to:</source>
        <translation>Backups &amp;go to:</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation type="vanished">&amp;Browse…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="181" />
        <location filename="../../cowork_desktop/ui/first_run.py" line="197" />
        <source>Choose the backup folder</source>
        <translation>Choose the backup folder</translation>
    </message>
    <message>
        <source>&amp;Backups go to:</source>
        <translation type="vanished">&amp;Backups go to:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="189" />
        <source>A checked backup is taken every day you start the app. Leave empty for the folder shown, or choose one on another disk.</source>
        <translation>A checked backup is taken every day you start the app. Leave empty for the folder shown, or choose one on another disk.</translation>
    </message>
</context>
<context>
    <name>DateAnswer</name>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/questions.py" line="365" />
        <source>Set a date</source>
        <translation>Set a date</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="651" />
        <source>Signed and locked</source>
        <translation>Signed and locked</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="659" />
        <source>Print agreed plan...</source>
        <translation>Print agreed plan...</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="664" />
        <source>Export signed PDF...</source>
        <translation>Export signed PDF...</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="694" />
        <source>Urgent: </source>
        <translation>Urgent: </translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="694" />
        <source>Next step: </source>
        <translation>Next step: </translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="705" />
        <source>Start issue-resolution MDR now</source>
        <translation>Start issue-resolution MDR now</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="707" />
        <source>Start %1 now</source>
        <translation>Start %1 now</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../cowork_desktop/ui/export_dialog.py" line="78" />
        <source>Signed by {signer} at {when}</source>
        <translation>Signed by {signer} at {when}</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/export_dialog.py" line="79" />
        <source>an unnamed certificate</source>
        <translation>an unnamed certificate</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/export_dialog.py" line="83" />
        <source>{signed}; valid: intact, covers the whole file and matches the record in this database.</source>
        <translation>{signed}; valid: intact, covers the whole file and matches the record in this database.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/export_dialog.py" line="88" />
        <source>{signed}; valid: intact, covers the whole file and matches the record in this database. Superseded by version {version}: every page says it is not the current record.</source>
        <translation>{signed}; valid: intact, covers the whole file and matches the record in this database. Superseded by version {version}: every page says it is not the current record.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/export_dialog.py" line="95" />
        <source>changed after signing</source>
        <translation>changed after signing</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/export_dialog.py" line="97" />
        <source>something was added after signing</source>
        <translation>something was added after signing</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/export_dialog.py" line="99" />
        <source>does not match the record in this database</source>
        <translation>does not match the record in this database</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/export_dialog.py" line="101" />
        <source>the signer's certificate is not known to this database</source>
        <translation>the signer's certificate is not known to this database</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/export_dialog.py" line="104" />
        <source>see Tools ▸ Verify a signed PDF…</source>
        <translation>see Tools ▸ Verify a signed PDF…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/export_dialog.py" line="105" />
        <source>{signed}, but NOT valid: {why}.</source>
        <translation>{signed}, but NOT valid: {why}.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/export_dialog.py" line="232" />
        <source>Set &amp;up my certificate…</source>
        <extracomment>the manager agreed to replace the file chosen last (see :meth:`ask_path`)</extracomment>
        <translation>Set &amp;up my certificate…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/export_dialog.py" line="242" />
        <source>Certificate &amp;passphrase:</source>
        <translation>Certificate &amp;passphrase:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/export_dialog.py" line="244" />
        <location filename="../../cowork_desktop/ui/export_dialog.py" line="249" />
        <source>Certificate passphrase</source>
        <translation>Certificate passphrase</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/export_dialog.py" line="248" />
        <source>Asked once while the app is open. It is never stored.</source>
        <translation>Asked once while the app is open. It is never stored.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/export_dialog.py" line="256" />
        <source>Only a signed record can be exported as signed. This one can be printed as a PDF marked DRAFT on every page, unsigned: it is not a record for the child's file.</source>
        <translation>Only a signed record can be exported as signed. This one can be printed as a PDF marked DRAFT on every page, unsigned: it is not a record for the child's file.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/export_dialog.py" line="263" />
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/export_dialog.py" line="270" />
        <source>&amp;Save signed PDF…</source>
        <translation>&amp;Save signed PDF…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/export_dialog.py" line="272" />
        <source>&amp;Print draft PDF…</source>
        <translation>&amp;Print draft PDF…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/export_dialog.py" line="274" />
        <source>Export the &amp;whole case…</source>
        <translation>Export the &amp;whole case…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/export_dialog.py" line="278" />
        <source>Every signed record of this case, each a signed PDF, in a folder named after the case</source>
        <translation>Every signed record of this case, each a signed PDF, in a folder named after the case</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/export_dialog.py" line="282" />
        <source>Close</source>
        <extracomment>the export of the whole case running (or last run), if any</extracomment>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/export_dialog.py" line="371" />
        <source>No signing certificate yet. Create your own, or import the one your organisation gave you: you will be asked when you save.</source>
        <translation>No signing certificate yet. Create your own, or import the one your organisation gave you: you will be asked when you save.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/export_dialog.py" line="403" />
        <source>Enter the passphrase of your signing certificate.</source>
        <translation>Enter the passphrase of your signing certificate.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/export_dialog.py" line="412" />
        <source>Wrong passphrase: it does not open your certificate. Try again.</source>
        <translation>Wrong passphrase: it does not open your certificate. Try again.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/export_dialog.py" line="440" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/export_dialog.py" line="497" />
        <source>Export the whole case into a folder</source>
        <translation>Export the whole case into a folder</translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation type="vanished">Replace the file?</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/export_dialog.py" line="587" />
        <source>Cannot export the record</source>
        <translation>Cannot export the record</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="336" />
        <source>Welcome to cowork-desktop</source>
        <translation>Welcome to cowork-desktop</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="339" />
        <source>&amp;Start</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="390" />
        <source>Not finished: %1</source>
        <translation>Not finished: %1</translation>
    </message>
</context>
<context>
    <name>FormPage</name>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="154" />
        <source>Not saved yet</source>
        <translation>Not saved yet</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="49" />
        <source>This help text is missing from this installation: %1</source>
        <translation>This help text is missing from this installation: %1</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="94" />
        <source>The co-working protocol</source>
        <translation>The co-working protocol</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="124" />
        <location filename="../../cowork_desktop/ui/help.py" line="175" />
        <source>Keyboard shortcuts</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="126" />
        <source>Everything in cowork-desktop can be done from the keyboard.</source>
        <translation>Everything in cowork-desktop can be done from the keyboard.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="129" />
        <source>Keys</source>
        <translation>Keys</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="131" />
        <source>What they do</source>
        <translation>What they do</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="139" />
        <source>underlined letter</source>
        <translation>underlined letter</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="140" />
        <source>Open a menu or press a button (Alt+F opens the File menu)</source>
        <translation>Open a menu or press a button (Alt+F opens the File menu)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="142" />
        <source>Move to the next or previous field</source>
        <translation>Move to the next or previous field</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="144" />
        <source>Space</source>
        <translation>Space</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="145" />
        <source>Tick a box or press the focused button</source>
        <translation>Tick a box or press the focused button</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="148" />
        <source>Arrow keys</source>
        <translation>Arrow keys</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="149" />
        <source>Choose between options, or move in a list</source>
        <translation>Choose between options, or move in a list</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="153" />
        <source>In a meeting wizard: the protocol's guidance for the question you are on</source>
        <translation>In a meeting wizard: the protocol's guidance for the question you are on</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="157" />
        <source>In a wizard: the next or the previous page</source>
        <translation>In a wizard: the next or the previous page</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="160" />
        <source>Close a dialog without changing anything (a wizard saves what you typed)</source>
        <translation>Close a dialog without changing anything (a wizard saves what you typed)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="191" />
        <location filename="../../cowork_desktop/ui/help.py" line="259" />
        <source>Where is my data?</source>
        <translation>Where is my data?</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="193" />
        <source>Your records</source>
        <translation>Your records</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="195" />
        <source>Everything is in one file on this computer, readable by you only:</source>
        <translation>Everything is in one file on this computer, readable by you only:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="202" />
        <source>It is **encrypted** with your passphrase (SQLCipher, AES-256). Nobody can read it without it.</source>
        <translation>It is **encrypted** with your passphrase (SQLCipher, AES-256). Nobody can read it without it.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="207" />
        <source>It is **not encrypted**. Keep the computer's own disk encryption on, or create an encrypted database (the first start offers one).</source>
        <translation>It is **not encrypted**. Keep the computer's own disk encryption on, or create an encrypted database (the first start offers one).</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="214" />
        <source>Backups</source>
        <translation>Backups</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="216" />
        <source>A checked backup is taken every day the app starts and before every update, kept in rotation in:</source>
        <translation>A checked backup is taken every day the app starts and before every update, kept in rotation in:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="223" />
        <source>File ▸ Back up now takes one at once; File ▸ Restore… puts one back (the current file is kept).</source>
        <translation>File ▸ Back up now takes one at once; File ▸ Restore… puts one back (the current file is kept).</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="228" />
        <source>Your signing certificate</source>
        <translation>Your signing certificate</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="232" />
        <source>set up.</source>
        <translation>set up.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="235" />
        <source>not set up yet: File ▸ Settings… ▸ Records &amp; PDFs, or when you first sign.</source>
        <translation>not set up yet: File ▸ Settings… ▸ Records &amp; PDFs, or when you first sign.</translation>
    </message>
    <message>
        <source>not set up yet: Edit ▸ Settings… ▸ Records &amp; PDFs, or when you first sign.</source>
        <translation type="vanished">not set up yet: Edit ▸ Settings… ▸ Records &amp; PDFs, or when you first sign.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="240" />
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="242" />
        <source>What belongs to the records (your name, organisation, marking, working days…) is kept in the database itself. The look of the app (theme, text size, window sizes) is kept for this computer in:</source>
        <translation>What belongs to the records (your name, organisation, marking, working days…) is kept in the database itself. The look of the app (theme, text size, window sizes) is kept for this computer in:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="250" />
        <source>Nothing is ever sent over the network.</source>
        <translation>Nothing is ever sent over the network.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="268" />
        <source>Set up and supervise co-worked children's social care cases, offline.</source>
        <translation>Set up and supervise co-worked children's social care cases, offline.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="272" />
        <source>Database: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="295" />
        <source>The co-working &amp;protocol</source>
        <translation>The co-working &amp;protocol</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="300" />
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="302" />
        <source>&amp;Where is my data?</source>
        <translation>&amp;Where is my data?</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="304" />
        <source>&amp;About cowork-desktop</source>
        <translation>&amp;About cowork-desktop</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="328" />
        <source>The protocol gives no guidance for this question.</source>
        <translation>The protocol gives no guidance for this question.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="354" />
        <source>The protocol's guidance for this question (F1)</source>
        <translation>The protocol's guidance for this question (F1)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="355" />
        <source>Guidance for: %1</source>
        <translation>Guidance for: %1</translation>
    </message>
</context>
<context>
    <name>InsightsViews</name>
    <message>
        <location filename="../../cowork_desktop/ui/insights_views.py" line="202" />
        <source>Export calendar</source>
        <translation>Export calendar</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/insights_views.py" line="204" />
        <source>iCalendar files (*.ics);;All files (*)</source>
        <translation>iCalendar files (*.ics);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/insights_views.py" line="212" />
        <source>Cannot export the calendar</source>
        <translation>Cannot export the calendar</translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation type="vanished">Replace the file?</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/insights_views.py" line="234" />
        <source>Calendar exported</source>
        <translation>Calendar exported</translation>
    </message>
</context>
<context>
    <name>IntegrityBanner</name>
    <message>
        <location filename="../../cowork_desktop/ui/integrity.py" line="85" />
        <source>The database does not check</source>
        <extracomment>the chain's head as far as the check walked it and found it whole</extracomment>
        <translation>The database does not check</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/integrity.py" line="90" />
        <source>✗ This database does not check: a signed record or its audit log was changed</source>
        <translation>✗ This database does not check: a signed record or its audit log was changed</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/integrity.py" line="99" />
        <source>&amp;Details…</source>
        <translation>&amp;Details…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/integrity.py" line="102" />
        <source>&amp;Restore the latest backup that checks…</source>
        <translation>&amp;Restore the latest backup that checks…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/integrity.py" line="105" />
        <source>Put the &amp;protections back</source>
        <translation>Put the &amp;protections back</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/integrity.py" line="167" />
        <source>What does not check</source>
        <translation>What does not check</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/integrity.py" line="172" />
        <source>Someone changed the database outside cowork-desktop, or the file was damaged. Keep this file for an investigation: a restore keeps it beside the restored one. The command 'cowork check' lists the same problems.</source>
        <translation>Someone changed the database outside cowork-desktop, or the file was damaged. Keep this file for an investigation: a restore keeps it beside the restored one. The command 'cowork check' lists the same problems.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/integrity.py" line="193" />
        <location filename="../../cowork_desktop/ui/integrity.py" line="200" />
        <source>Put the protections back</source>
        <translation>Put the protections back</translation>
    </message>
</context>
<context>
    <name>LadderTrend</name>
    <message>
        <location filename="../../cowork_desktop/ui/charts.py" line="440" />
        <source>Partnership over time</source>
        <translation>Partnership over time</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../cowork_desktop/ui/security.py" line="263" />
        <source>cowork-desktop is locked</source>
        <translation>cowork-desktop is locked</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/security.py" line="270" />
        <source>&amp;Unlock</source>
        <translation>&amp;Unlock</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="158" />
        <source>Navigation</source>
        <extracomment>the page check found a damaged page (the DamagedDatabase): nothing was written; the app offers a backup the page check has reported (passed, failed or could not run) (store, error) from the page check's thread, delivered on the GUI thread</extracomment>
        <translation>Navigation</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="175" />
        <source>DEMO DATA — every case and person here is fictional. Use File ▸ Open database… for real work.</source>
        <translation>DEMO DATA — every case and person here is fictional. Use File ▸ Open database… for real work.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="185" />
        <source>Read-only</source>
        <translation>Read-only</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="239" />
        <source>&amp;File</source>
        <extracomment>background backups (ui.backup_runner), started by start_backups background publishing to the service (ui.publish_runner), started with the backups the page check on its thread (store.checks.PageCheck), and what waits for it to pass the pages built so far: the dashboard at once, the others on first use (see _page)</extracomment>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="241" />
        <source>&amp;Open database…</source>
        <translation>&amp;Open database…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="244" />
        <source>Open &amp;recent</source>
        <translation>Open &amp;recent</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="248" />
        <source>&amp;Back up now</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="249" />
        <source>&amp;Restore…</source>
        <translation>&amp;Restore…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="251" />
        <source>Change &amp;passphrase…</source>
        <translation>Change &amp;passphrase…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="253" />
        <source>&amp;Lock now</source>
        <translation>&amp;Lock now</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="257" />
        <source>P&amp;ublish to the service now</source>
        <translation>P&amp;ublish to the service now</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="260" />
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="264" />
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="267" />
        <source>&amp;Cases</source>
        <translation>&amp;Cases</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="268" />
        <source>&amp;New case…</source>
        <translation>&amp;New case…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="269" />
        <source>New &amp;co-allocation…</source>
        <translation>New &amp;co-allocation…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="288" />
        <source>&amp;Search records…</source>
        <translation>&amp;Search records…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="291" />
        <source>&amp;Workers</source>
        <translation>&amp;Workers</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="292" />
        <source>&amp;New worker…</source>
        <translation>&amp;New worker…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="295" />
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="298" />
        <source>Go to %1</source>
        <translation>Go to %1</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="306" />
        <source>&amp;High contrast</source>
        <translation>&amp;High contrast</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="311" />
        <source>&amp;Larger text</source>
        <translation>&amp;Larger text</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="317" />
        <source>&amp;Normal (100%)</source>
        <translation>&amp;Normal (100%)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="317" />
        <source>&amp;Larger (125%)</source>
        <translation>&amp;Larger (125%)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="317" />
        <source>L&amp;argest (150%)</source>
        <translation>L&amp;argest (150%)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="338" />
        <source>&amp;Tools</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="339" />
        <source>&amp;Verify a signed PDF…</source>
        <translation>&amp;Verify a signed PDF…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="342" />
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="446" />
        <source>Read-only: %1. Nothing can be changed or saved in this window.</source>
        <extracomment>the pages, in the order they are refreshed</extracomment>
        <translation>Read-only: %1. Nothing can be changed or saved in this window.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="459" />
        <source>Read-only in this window</source>
        <translation>Read-only in this window</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="523" />
        <source>Cannot open the case</source>
        <translation>Cannot open the case</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="531" />
        <source>Cannot open the worker</source>
        <translation>Cannot open the worker</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="575" />
        <location filename="../../cowork_desktop/ui/main_window.py" line="588" />
        <location filename="../../cowork_desktop/ui/main_window.py" line="602" />
        <source>Meeting wizard</source>
        <translation>Meeting wizard</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="580" />
        <location filename="../../cowork_desktop/ui/main_window.py" line="595" />
        <source>Cannot open the meeting</source>
        <translation>Cannot open the meeting</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="607" />
        <source>Cannot open the record</source>
        <translation>Cannot open the record</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="673" />
        <source>Set the service's address in Settings ▸ Service to publish.</source>
        <translation>Set the service's address in Settings ▸ Service to publish.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="744" />
        <location filename="../../cowork_desktop/ui/main_window.py" line="751" />
        <source>Demo data</source>
        <translation>Demo data</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="744" />
        <source>Demo data is not available in this build.</source>
        <translation>Demo data is not available in this build.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="760" />
        <source>Open or create a database</source>
        <translation>Open or create a database</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="762" />
        <source>cowork databases (*.db);;All files (*)</source>
        <translation>cowork databases (*.db);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="781" />
        <source>No other database yet</source>
        <translation>No other database yet</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="783" />
        <source>&amp;Clear the list</source>
        <translation>&amp;Clear the list</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="806" />
        <source>Open elsewhere</source>
        <translation>Open elsewhere</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="807" />
        <source>Open it read-only here?</source>
        <translation>Open it read-only here?</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="829" />
        <source>Cannot open the database</source>
        <translation>Cannot open the database</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="857" />
        <source>Checking the database file…</source>
        <translation>Checking the database file…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="893" />
        <source>Checking every signed record and the audit log…</source>
        <translation>Checking every signed record and the audit log…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="998" />
        <source>About cowork-desktop</source>
        <translation>About cowork-desktop</translation>
    </message>
</context>
<context>
    <name>MeetingWizard</name>
    <message>
        <source>Save and close</source>
        <extracomment>top-level windows opened without a parent are kept here until they close (Python would collect them)</extracomment>
        <translation type="vanished">Save and close</translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="vanished">Close</translation>
    </message>
    <message>
        <source>Next</source>
        <translation type="vanished">Next</translation>
    </message>
    <message>
        <source>Ready to sign</source>
        <translation type="vanished">Ready to sign</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/wizard.py" line="116" />
        <source>&lt; &amp;Back</source>
        <extracomment>top-level windows opened without a parent are kept here until they close (Python would collect them) what a save or a signature changed (a ``services.changes.Changes``), for the main window to refresh by the draft's revision these answers were typed over (each save names it) another window saved this draft since: autosave waits for the manager's choice what opening this meeting changed (a draft started: the pages that list records read again)</extracomment>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/wizard.py" line="117" />
        <source>&amp;Save and close</source>
        <translation>&amp;Save and close</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/wizard.py" line="118" />
        <source>&amp;Close</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/wizard.py" line="119" />
        <location filename="../../cowork_desktop/ui/wizard/wizard.py" line="292" />
        <source>&amp;Next</source>
        <translation>&amp;Next</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/wizard.py" line="288" />
        <source>&amp;Go on to sign</source>
        <translation>&amp;Go on to sign</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/wizard.py" line="290" />
        <source>&amp;Ready to sign</source>
        <translation>&amp;Ready to sign</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/wizard.py" line="308" />
        <source>Page %1 of %2</source>
        <translation>Page %1 of %2</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/wizard.py" line="599" />
        <source>Not saved</source>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/wizard.py" line="605" />
        <source>This draft was changed in another window. Keep the answers in this window (they replace the other window's), or close without them (the other window's stay)?</source>
        <translation>This draft was changed in another window. Keep the answers in this window (they replace the other window's), or close without them (the other window's stay)?</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/wizard.py" line="609" />
        <source>&amp;Keep my answers</source>
        <translation>&amp;Keep my answers</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/wizard.py" line="611" />
        <source>Your latest answers could not be saved.</source>
        <translation>Your latest answers could not be saved.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/wizard.py" line="612" />
        <source>Close anyway and lose them?</source>
        <translation>Close anyway and lose them?</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/wizard.py" line="613" />
        <source>&amp;Close without saving</source>
        <translation>&amp;Close without saving</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/wizard.py" line="614" />
        <source>&amp;Stay here</source>
        <translation>&amp;Stay here</translation>
    </message>
</context>
<context>
    <name>NewDatabaseDialog</name>
    <message>
        <location filename="../../cowork_desktop/ui/security.py" line="141" />
        <source>A new database</source>
        <translation>A new database</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/security.py" line="151" />
        <source>Protect this database with a passphrase (recommended)</source>
        <translation>Protect this database with a passphrase (recommended)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/security.py" line="153" />
        <source>No encryption</source>
        <translation>No encryption</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/security.py" line="164" />
        <source>There is no way to recover a forgotten passphrase: keep it where your team keeps such things.</source>
        <translation>There is no way to recover a forgotten passphrase: keep it where your team keeps such things.</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../cowork_desktop/ui/security.py" line="90" />
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../../cowork_desktop/ui/pdf_preview.py" line="124" />
        <source>Document preview</source>
        <extracomment>zoom levels, as a fraction of the page's real size (1.0: 1 point = 1/72 inch at 96 dots per inch) rendered pages kept while scrolling (others go back to a blank placeholder)</extracomment>
        <translation>Document preview</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/pdf_preview.py" line="334" />
        <source>This page cannot be shown.</source>
        <translation>This page cannot be shown.</translation>
    </message>
</context>
<context>
    <name>PlanPrint</name>
    <message>
        <location filename="../../cowork_desktop/ui/plan_print.py" line="182" />
        <source>Print agreed plan</source>
        <translation>Print agreed plan</translation>
    </message>
</context>
<context>
    <name>PlanPrintDialog</name>
    <message>
        <location filename="../../cowork_desktop/ui/plan_print.py" line="206" />
        <source>Agreed plan preview</source>
        <translation>Agreed plan preview</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/plan_print.py" line="215" />
        <source>Print...</source>
        <translation>Print...</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/plan_print.py" line="217" />
        <source>Save as PDF...</source>
        <translation>Save as PDF...</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/plan_print.py" line="219" />
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/plan_print.py" line="233" />
        <source>Sent to the printer.</source>
        <translation>Sent to the printer.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/plan_print.py" line="239" />
        <source>Save agreed plan as PDF</source>
        <translation>Save agreed plan as PDF</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/plan_print.py" line="241" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation type="vanished">Replace the file?</translation>
    </message>
</context>
<context>
    <name>PrivacyHint</name>
    <message>
        <location filename="../../cowork_desktop/ui/privacy.py" line="25" />
        <source>Privacy note</source>
        <translation>Privacy note</translation>
    </message>
</context>
<context>
    <name>PublishRunner</name>
    <message>
        <location filename="../../cowork_desktop/ui/publish_runner.py" line="54" />
        <source>Service</source>
        <extracomment>how long closing the app waits for a publish to stop after its current batch</extracomment>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/publish_runner.py" line="88" />
        <source>Service: publishing soon</source>
        <translation>Service: publishing soon</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/publish_runner.py" line="93" />
        <source>Service: publishing by hand (File ▸ Publish to the service now)</source>
        <translation>Service: publishing by hand (File ▸ Publish to the service now)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/publish_runner.py" line="119" />
        <source>Service: publishing…</source>
        <translation>Service: publishing…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/publish_runner.py" line="145" />
        <source>Service: not published at %1, trying again at %2</source>
        <translation>Service: not published at %1, trying again at %2</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/publish_runner.py" line="150" />
        <source>Not published: %1</source>
        <translation>Not published: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../cowork_desktop/ui/publish_runner.py" line="157" />
        <source>Service: %n record(s) not published, they fail the checks</source>
        <translation>
            <numerusform>Service: %n record(s) not published, they fail the checks</numerusform>
            <numerusform>Service: %n record(s) not published, they fail the checks</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/publish_runner.py" line="163" />
        <source>Service: published at %1</source>
        <translation>Service: published at %1</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/publish_runner.py" line="164" />
        <source>%1: %2 signed record(s) sent now, %3 there before</source>
        <translation>%1: %2 signed record(s) sent now, %3 there before</translation>
    </message>
    <message numerus="yes">
        <location filename="../../cowork_desktop/ui/publish_runner.py" line="171" />
        <source>Published %n signed record(s) to the service</source>
        <translation>
            <numerusform>Published %n signed record(s) to the service</numerusform>
            <numerusform>Published %n signed record(s) to the service</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QuestionRow</name>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="116" />
        <source>Urgent: this must be addressed now.</source>
        <translation>Urgent: this must be addressed now.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="119" />
        <source>After signing this record you can start the issue-resolution MDR straight away.</source>
        <translation>After signing this record you can start the issue-resolution MDR straight away.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="121" />
        <source>Next step:</source>
        <translation>Next step:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="124" />
        <source>Urgent</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="124" />
        <source>Next step</source>
        <translation>Next step</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="132" />
        <source>Problem:</source>
        <translation>Problem:</translation>
    </message>
</context>
<context>
    <name>ReadBackPage</name>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/readback.py" line="165" />
        <source>Read the record back</source>
        <translation>Read the record back</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/readback.py" line="170" />
        <source>Read the record with everyone present, then go on to sign.</source>
        <translation>Read the record with everyone present, then go on to sign.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/readback.py" line="177" />
        <source>This is the record as it will print. To change something, go back to its page: the record stays a draft until everyone has signed. Each person confirms it is accurate when they sign.</source>
        <translation>This is the record as it will print. To change something, go back to its page: the record stays a draft until everyone has signed. Each person confirms it is accurate when they sign.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/readback.py" line="185" />
        <source>Characters that cannot be printed</source>
        <translation>Characters that cannot be printed</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/readback.py" line="189" />
        <source>The record as it will print</source>
        <translation>The record as it will print</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/readback.py" line="219" />
        <source>These characters cannot be printed in the PDF and would show as �: change them before signing, or sign knowing they will not print.</source>
        <translation>These characters cannot be printed in the PDF and would show as �: change them before signing, or sign knowing they will not print.</translation>
    </message>
</context>
<context>
    <name>RecordView</name>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/record_view.py" line="117" />
        <source>The record</source>
        <extracomment>what the amendment's wizard (or starting it) changed: a ``services.changes.Changes``</extracomment>
        <translation>The record</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/record_view.py" line="120" />
        <source>Amend...</source>
        <translation>Amend...</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/record_view.py" line="123" />
        <source>Correct this signed record: a new version is made, and this one stays readable.</source>
        <translation>Correct this signed record: a new version is made, and this one stays readable.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/record_view.py" line="125" />
        <source>Print agreed plan...</source>
        <translation>Print agreed plan...</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/record_view.py" line="127" />
        <location filename="../../cowork_desktop/ui/wizard/record_view.py" line="186" />
        <source>Export signed PDF...</source>
        <translation>Export signed PDF...</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/record_view.py" line="129" />
        <location filename="../../cowork_desktop/ui/wizard/record_view.py" line="286" />
        <source>Copy as &amp;text</source>
        <translation>Copy as &amp;text</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/record_view.py" line="132" />
        <source>Copy the record as plain text, to paste into the case management system.</source>
        <translation>Copy the record as plain text, to paste into the case management system.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/record_view.py" line="134" />
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/record_view.py" line="186" />
        <source>Print draft PDF...</source>
        <translation>Print draft PDF...</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/record_view.py" line="189" />
        <source>Save this record as a case-note PDF signed with your certificate, for the child's file.</source>
        <translation>Save this record as a case-note PDF signed with your certificate, for the child's file.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/record_view.py" line="191" />
        <source>Save this record as an unsigned PDF marked DRAFT.</source>
        <translation>Save this record as an unsigned PDF marked DRAFT.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/record_view.py" line="248" />
        <location filename="../../cowork_desktop/ui/wizard/record_view.py" line="251" />
        <source>Cannot amend</source>
        <translation>Cannot amend</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/record_view.py" line="281" />
        <source>Cannot copy the record</source>
        <translation>Cannot copy the record</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/record_view.py" line="284" />
        <source>Copied as text</source>
        <translation>Copied as text</translation>
    </message>
</context>
<context>
    <name>RecurrenceAnswer</name>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/questions.py" line="469" />
        <source>Every</source>
        <translation>Every</translation>
    </message>
</context>
<context>
    <name>ResponsibilitiesAnswer</name>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/questions.py" line="540" />
        <source>Quick fill:</source>
        <translation>Quick fill:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/questions.py" line="544" />
        <source>%1 leads all</source>
        <translation>%1 leads all</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/questions.py" line="558" />
        <source>Task</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/questions.py" line="566" />
        <source>Joint</source>
        <translation>Joint</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/questions.py" line="585" />
        <source>New &amp;task:</source>
        <extracomment>the tasks the meeting added (after the form's), in order, and the button that removes each</extracomment>
        <translation>New &amp;task:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/questions.py" line="588" />
        <source>A task of your own, e.g. Life story work</source>
        <translation>A task of your own, e.g. Life story work</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/questions.py" line="591" />
        <location filename="../../cowork_desktop/ui/wizard/questions.py" line="784" />
        <source>Add a task</source>
        <translation>Add a task</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/questions.py" line="600" />
        <source>New task: problem</source>
        <translation>New task: problem</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/questions.py" line="627" />
        <source>leads</source>
        <translation>leads</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/questions.py" line="636" />
        <source>joint</source>
        <translation>joint</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/questions.py" line="646" />
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/questions.py" line="649" />
        <location filename="../../cowork_desktop/ui/wizard/questions.py" line="780" />
        <source>Remove the task %1</source>
        <translation>Remove the task %1</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/questions.py" line="651" />
        <source>Added in this meeting; removing it removes its lead too.</source>
        <translation>Added in this meeting; removing it removes its lead too.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/questions.py" line="783" />
        <source>Name of a task to add</source>
        <translation>Name of a task to add</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <location filename="../../cowork_desktop/ui/search_dialog.py" line="89" />
        <source>Search records</source>
        <extracomment>how long after the last key the search runs (ms) a case to show (the main window shows it)</extracomment>
        <translation>Search records</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/search_dialog.py" line="93" />
        <source>Search the text of every record</source>
        <translation>Search the text of every record</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/search_dialog.py" line="96" />
        <source>Words to find, e.g. housing officer</source>
        <translation>Words to find, e.g. housing officer</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/search_dialog.py" line="97" />
        <source>Words to find</source>
        <translation>Words to find</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/search_dialog.py" line="98" />
        <source>Clear the words</source>
        <translation>Clear the words</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/search_dialog.py" line="100" />
        <source>&amp;Words to find:</source>
        <translation>&amp;Words to find:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/search_dialog.py" line="105" />
        <source>Search result</source>
        <translation>Search result</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/search_dialog.py" line="107" />
        <source>Searching</source>
        <translation>Searching</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/search_dialog.py" line="113" />
        <source>Records found</source>
        <translation>Records found</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/search_dialog.py" line="118" />
        <source>&amp;Open the case</source>
        <translation>&amp;Open the case</translation>
    </message>
</context>
<context>
    <name>Security</name>
    <message>
        <location filename="../../cowork_desktop/ui/security.py" line="129" />
        <source>Wrong passphrase</source>
        <translation>Wrong passphrase</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/security.py" line="337" />
        <location filename="../../cowork_desktop/ui/security.py" line="343" />
        <source>Back up now</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/security.py" line="390" />
        <location filename="../../cowork_desktop/ui/security.py" line="416" />
        <location filename="../../cowork_desktop/ui/security.py" line="424" />
        <location filename="../../cowork_desktop/ui/security.py" line="442" />
        <location filename="../../cowork_desktop/ui/security.py" line="457" />
        <location filename="../../cowork_desktop/ui/security.py" line="465" />
        <source>Restore a backup</source>
        <translation>Restore a backup</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/security.py" line="426" />
        <source>cowork backups (*.db);;All files (*)</source>
        <translation>cowork backups (*.db);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/security.py" line="476" />
        <source>Change passphrase</source>
        <translation>Change passphrase</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/security.py" line="477" />
        <source>This database is not encrypted, so it has no passphrase to change.</source>
        <translation>This database is not encrypted, so it has no passphrase to change.</translation>
    </message>
</context>
<context>
    <name>ServicePage</name>
    <message>
        <location filename="../../cowork_desktop/ui/service_page.py" line="96" />
        <source>&amp;Read the figures</source>
        <extracomment>the report, or the one-line reason it could not be read (from the reading thread) what this page shows comes from the server, not from this database's changes</extracomment>
        <translation>&amp;Read the figures</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/service_page.py" line="98" />
        <source>Read the figures from the service</source>
        <translation>Read the figures from the service</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/service_page.py" line="101" />
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/service_page.py" line="105" />
        <source>The co-working of every team your service login sees (a head of service: every team), from what each manager last published, counted by this app's own rules. Read-only.</source>
        <translation>The co-working of every team your service login sees (a head of service: every team), from what each manager last published, counted by this app's own rules. Read-only.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/service_page.py" line="111" />
        <source>O&amp;n:</source>
        <translation>O&amp;n:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/service_page.py" line="112" />
        <source>On</source>
        <translation>On</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/service_page.py" line="115" />
        <source>Reading the service's figures</source>
        <translation>Reading the service's figures</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/service_page.py" line="123" />
        <source>The service's figures</source>
        <translation>The service's figures</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/service_page.py" line="164" />
        <source>No service is set up: set its address in File ▸ Settings ▸ Service to see its figures.</source>
        <translation>No service is set up: set its address in File ▸ Settings ▸ Service to see its figures.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/service_page.py" line="173" />
        <source>Reading the figures from the service…</source>
        <translation>Reading the figures from the service…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/service_page.py" line="195" />
        <source>Could not read the figures: %1</source>
        <translation>Could not read the figures: %1</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/service_page.py" line="203" />
        <source>every team (a head of service's login)</source>
        <translation>every team (a head of service's login)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/service_page.py" line="205" />
        <source>your team (a manager's login)</source>
        <translation>your team (a manager's login)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/service_page.py" line="208" />
        <source>On %1, as %2 sees it: %3. Read at %4.</source>
        <translation>On %1, as %2 sees it: %3. Read at %4.</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../cowork_desktop/ui/widgets.py" line="390" />
        <source>Protective marking</source>
        <extracomment>the roles a cell marked with a severity answers (its colours, in bold)</extracomment>
        <translation>Protective marking</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="276" />
        <source>&amp;Browse…</source>
        <extracomment>the kind of field a settings row holds (a line, a combo box...) how a certificate became known to the database (``KnownCertificate.source``)</extracomment>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="294" />
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="311" />
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="352" />
        <source>Choose: %1</source>
        <translation>Choose: %1</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="374" />
        <source>&amp;General</source>
        <translation>&amp;General</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="376" />
        <source>Who you are, as it appears on every case note, and the working-days rule for deadlines.</source>
        <translation>Who you are, as it appears on every case note, and the working-days rule for deadlines.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="379" />
        <source>Your &amp;name:</source>
        <translation>Your &amp;name:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="379" />
        <source>As it appears on signed case notes.</source>
        <translation>As it appears on signed case notes.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="380" />
        <source>&amp;Team:</source>
        <translation>&amp;Team:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="380" />
        <source>e.g. Assessment Team 2</source>
        <translation>e.g. Assessment Team 2</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="381" />
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="381" />
        <source>Printed at the top of every PDF.</source>
        <translation>Printed at the top of every PDF.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="385" />
        <source>&amp;Bank holidays of:</source>
        <translation>&amp;Bank holidays of:</translation>
    </message>
    <message>
        <source>Working-day deadlines skip weekends and these bank holidays.</source>
        <translation type="vanished">Working-day deadlines skip weekends and these bank holidays.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="392" />
        <source>&amp;Initial meeting within:</source>
        <translation>&amp;Initial meeting within:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="393" />
        <source>Working days after the co-allocation (1 to 30; the protocol's usual is 5).</source>
        <translation>Working days after the co-allocation (1 to 30; the protocol's usual is 5).</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="398" />
        <source>Coming up: the ne&amp;xt days:</source>
        <translation>Coming up: the ne&amp;xt days:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="399" />
        <source>How far ahead the dashboard and case pages show what is coming (1 to 90 days).</source>
        <translation>How far ahead the dashboard and case pages show what is coming (1 to 90 days).</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="405" />
        <source>&amp;Records &amp;&amp; PDFs</source>
        <translation>&amp;Records &amp;&amp; PDFs</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="406" />
        <source>What is printed on the case notes, which forms the meetings use, and your certificate.</source>
        <translation>What is printed on the case notes, which forms the meetings use, and your certificate.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="411" />
        <source>Protective &amp;marking:</source>
        <translation>Protective &amp;marking:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="413" />
        <source>OFFICIAL, OFFICIAL-SENSITIVE, or your organisation's own (up to 40 characters).</source>
        <translation>OFFICIAL, OFFICIAL-SENSITIVE, or your organisation's own (up to 40 characters).</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="418" />
        <source>&amp;Logo:</source>
        <translation>&amp;Logo:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="419" />
        <source>A PNG or JPEG under 1 MB, for the PDFs. Leave empty for none.</source>
        <translation>A PNG or JPEG under 1 MB, for the PDFs. Leave empty for none.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="425" />
        <source>&amp;Forms folder:</source>
        <translation>&amp;Forms folder:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="426" />
        <source>Your team's own forms. Leave empty for the protocol's forms shipped with the app.</source>
        <translation>Your team's own forms. Leave empty for the protocol's forms shipped with the app.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="427" />
        <source>Choose the forms folder</source>
        <translation>Choose the forms folder</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="428" />
        <source>The forms shipped with the app</source>
        <translation>The forms shipped with the app</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="432" />
        <source>&amp;Set up…</source>
        <translation>&amp;Set up…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="434" />
        <source>Set up your signing certificate</source>
        <translation>Set up your signing certificate</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="438" />
        <source>Signing &amp;certificate:</source>
        <translation>Signing &amp;certificate:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="444" />
        <source>&amp;Data &amp;&amp; backups</source>
        <translation>&amp;Data &amp;&amp; backups</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="445" />
        <source>Where your records are, and how many backups are kept.</source>
        <translation>Where your records are, and how many backups are kept.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="449" />
        <source>Database:</source>
        <translation>Database:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="453" />
        <source>&amp;Backup folder:</source>
        <translation>&amp;Backup folder:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="454" />
        <source>A folder of your own, ideally on another disk. Leave empty for the default.</source>
        <translation>A folder of your own, ideally on another disk. Leave empty for the default.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="455" />
        <source>Choose the backup folder</source>
        <translation>Choose the backup folder</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="458" />
        <source>Keep &amp;daily backups for:</source>
        <translation>Keep &amp;daily backups for:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="458" />
        <source>Days (0 to 365).</source>
        <translation>Days (0 to 365).</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="460" />
        <source>Keep &amp;weekly backups for:</source>
        <translation>Keep &amp;weekly backups for:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="460" />
        <source>Weeks (0 to 520).</source>
        <translation>Weeks (0 to 520).</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="465" />
        <source>&amp;Retention:</source>
        <translation>&amp;Retention:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="466" />
        <source>Months after the last export before ended co-allocations may be purged; empty: off.</source>
        <translation>Months after the last export before ended co-allocations may be purged; empty: off.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="467" />
        <source>Off</source>
        <translation>Off</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="473" />
        <source>&amp;Appearance</source>
        <translation>&amp;Appearance</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="474" />
        <source>How the app looks on this computer. Changes show at once when you save.</source>
        <translation>How the app looks on this computer. Changes show at once when you save.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="479" />
        <source>Follow the system (light or dark)</source>
        <translation>Follow the system (light or dark)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="480" />
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="481" />
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="484" />
        <source>&amp;Theme:</source>
        <translation>&amp;Theme:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="486" />
        <source>&amp;High contrast (black, white and yellow)</source>
        <translation>&amp;High contrast (black, white and yellow)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="488" />
        <source>Contrast:</source>
        <translation>Contrast:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="493" />
        <source>Normal (100%)</source>
        <translation>Normal (100%)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="493" />
        <source>Larger (125%)</source>
        <translation>Larger (125%)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="493" />
        <source>Largest (150%)</source>
        <translation>Largest (150%)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="498" />
        <source>Te&amp;xt size:</source>
        <translation>Te&amp;xt size:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="502" />
        <source>S&amp;ecurity</source>
        <translation>S&amp;ecurity</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="502" />
        <source>Encryption and the idle lock.</source>
        <translation>Encryption and the idle lock.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="505" />
        <source>Encrypted with your passphrase. File ▸ Change passphrase… changes it.</source>
        <translation>Encrypted with your passphrase. File ▸ Change passphrase… changes it.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="508" />
        <source>Not encrypted. An encrypted database is offered when the app first creates one; keep the computer's disk encryption on.</source>
        <translation>Not encrypted. An encrypted database is offered when the app first creates one; keep the computer's disk encryption on.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="514" />
        <source>Encryption:</source>
        <translation>Encryption:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="518" />
        <source>&amp;Lock after:</source>
        <translation>&amp;Lock after:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="519" />
        <source>Minutes without use before the app hides everything (1 to 240; encrypted databases).</source>
        <translation>Minutes without use before the app hides everything (1 to 240; encrypted databases).</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="525" />
        <source>Ser&amp;vice</source>
        <translation>Ser&amp;vice</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="527" />
        <source>Your council's service keeps a copy of every signed record on its own server, for handover and oversight. Drafts, settings, backups and your signing key stay on this computer.</source>
        <translation>Your council's service keeps a copy of every signed record on its own server, for handover and oversight. Drafts, settings, backups and your signing key stay on this computer.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="534" />
        <source>Service &amp;address:</source>
        <translation>Service &amp;address:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="536" />
        <source>The PostgreSQL address your IT team gave you, without a password, e.g. postgresql://you@db.council.example/cowork?sslmode=verify-full. The password is read from ~/.pgpass, PGPASSWORD or a service file. Leave empty for none.</source>
        <translation>The PostgreSQL address your IT team gave you, without a password, e.g. postgresql://you@db.council.example/cowork?sslmode=verify-full. The password is read from ~/.pgpass, PGPASSWORD or a service file. Leave empty for none.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="540" />
        <source>None: the records stay on this computer</source>
        <translation>None: the records stay on this computer</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="542" />
        <source>&amp;Publish signed records whenever the service can be reached</source>
        <translation>&amp;Publish signed records whenever the service can be reached</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="546" />
        <source>Publishing:</source>
        <translation>Publishing:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="549" />
        <source>In the background, never in your way; the status bar says how it went. Off: File ▸ Publish to the service now.</source>
        <translation>In the background, never in your way; the status bar says how it went. Off: File ▸ Publish to the service now.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="562" />
        <source>Your signing certificates, as this database knows them, and the certificates you trust when checking signed case notes.</source>
        <translation>Your signing certificates, as this database knows them, and the certificates you trust when checking signed case notes.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="570" />
        <source>Certificates &amp;known to this database</source>
        <translation>Certificates &amp;known to this database</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="571" />
        <source>Certificates known to this database</source>
        <translation>Certificates known to this database</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="579" />
        <source>Recorded when a certificate is created or imported here, or first signs a case note. They stay on record, so case notes signed in the past can still be checked.</source>
        <translation>Recorded when a certificate is created or imported here, or first signs a case note. They stay on record, so case notes signed in the past can still be checked.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="586" />
        <source>None yet: your certificate is recorded when you set it up or first sign with it.</source>
        <translation>None yet: your certificate is recorded when you set it up or first sign with it.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="595" />
        <source>&amp;Trusted certificates (on this computer)</source>
        <translation>&amp;Trusted certificates (on this computer)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="596" />
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="628" />
        <source>Trusted certificates</source>
        <translation>Trusted certificates</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="603" />
        <source>Case notes signed with a certificate in this list verify as valid without the signer's database. Add a colleague's .crt, or your organisation's CA certificate. Changes to this list take effect at once, whatever you do with Save or Cancel.</source>
        <translation>Case notes signed with a certificate in this list verify as valid without the signer's database. Add a colleague's .crt, or your organisation's CA certificate. Changes to this list take effect at once, whatever you do with Save or Cancel.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="611" />
        <source>Your trust list is empty.</source>
        <translation>Your trust list is empty.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="614" />
        <source>Add &amp;certificate…</source>
        <translation>Add &amp;certificate…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="616" />
        <source>Add a certificate to the trust list</source>
        <translation>Add a certificate to the trust list</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="618" />
        <source>Re&amp;move</source>
        <translation>Re&amp;move</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="621" />
        <source>Remove the selected certificate from the trust list</source>
        <translation>Remove the selected certificate from the trust list</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="640" />
        <source>Signing and tr&amp;ust</source>
        <translation>Signing and tr&amp;ust</translation>
    </message>
    <message numerus="yes">
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="695" />
        <source>Nothing was saved: %n setting(s) need attention (shown in red).</source>
        <translation>
            <numerusform>Nothing was saved: %n setting(s) need attention (shown in red).</numerusform>
            <numerusform>Nothing was saved: %n setting(s) need attention (shown in red).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="713" />
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="728" />
        <source>Choose the logo</source>
        <translation>Choose the logo</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="728" />
        <source>Pictures (*.png *.jpg *.jpeg)</source>
        <translation>Pictures (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="744" />
        <source>Set up: %1</source>
        <translation>Set up: %1</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="747" />
        <source>Not set up yet. You need one to sign case notes.</source>
        <translation>Not set up yet. You need one to sign case notes.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="795" />
        <source>Add a trusted certificate</source>
        <translation>Add a trusted certificate</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="797" />
        <source>Certificates (*.crt *.pem *.cer);;All files (*)</source>
        <translation>Certificates (*.crt *.pem *.cer);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="804" />
        <source>Not added: %1</source>
        <translation>Not added: %1</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="809" />
        <source>Trusted: %1</source>
        <translation>Trusted: %1</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="809" />
        <source>Already trusted: %1</source>
        <translation>Already trusted: %1</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="819" />
        <source>Remove a trusted certificate</source>
        <translation>Remove a trusted certificate</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="821" />
        <source>Stop trusting the certificate of %1?</source>
        <translation>Stop trusting the certificate of %1?</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="825" />
        <source>SHA-256 %1

Case notes signed with it will no longer verify as valid without the signer's database. You can add it again later.</source>
        <translation>SHA-256 %1

Case notes signed with it will no longer verify as valid without the signer's database. You can add it again later.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="830" />
        <source>&amp;Remove</source>
        <translation>&amp;Remove</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="842" />
        <source>Not removed: %1</source>
        <translation>Not removed: %1</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="846" />
        <source>No longer trusted: %1</source>
        <translation>No longer trusted: %1</translation>
    </message>
</context>
<context>
    <name>SignOffPage</name>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="381" />
        <source>Signatures</source>
        <translation>Signatures</translation>
    </message>
    <message>
        <source>Each co-worker who took part signs, then the manager signs last. Sign by drawing in the box, or type the name instead and tick the statement. Signing locks the record: a later correction is made as an amendment. Going back to change an answer clears the signatures collected so far.</source>
        <translation type="vanished">Each co-worker who took part signs, then the manager signs last. Sign by drawing in the box, or type the name instead and tick the statement. Signing locks the record: a later correction is made as an amendment. Going back to change an answer clears the signatures collected so far.</translation>
    </message>
    <message>
        <source>Clear drawing</source>
        <translation type="vanished">Clear drawing</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="441" />
        <source>I agree this is an accurate record</source>
        <translation>I agree this is an accurate record</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="444" />
        <source>Signature: problem</source>
        <translation>Signature: problem</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation type="vanished">Sign</translation>
    </message>
    <message>
        <source>Signed: %1 (%2)</source>
        <translation type="vanished">Signed: %1 (%2)</translation>
    </message>
    <message>
        <source>To sign: %1</source>
        <translation type="vanished">To sign: %1</translation>
    </message>
    <message>
        <source>Signed: the manager</source>
        <translation type="vanished">Signed: the manager</translation>
    </message>
    <message>
        <source>To sign last: the manager</source>
        <translation type="vanished">To sign last: the manager</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="543" />
        <source>Signed and locked</source>
        <translation>Signed and locked</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="597" />
        <source>Now signing: %1, %2</source>
        <translation>Now signing: %1, %2</translation>
    </message>
    <message>
        <source>Or type your full name to sign (%1):</source>
        <translation type="vanished">Or type your full name to sign (%1):</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="603" />
        <source>Typed signature of %1</source>
        <translation>Typed signature of %1</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="605" />
        <source>Sign as %1</source>
        <translation>Sign as %1</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="586" />
        <source>Now signing: the manager (last)</source>
        <translation>Now signing: the manager (last)</translation>
    </message>
    <message>
        <source>Manager's full name (typed signature, or the name under a drawn one):</source>
        <translation type="vanished">Manager's full name (typed signature, or the name under a drawn one):</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="393" />
        <source>The co-workers who took part sign in any order, the manager last. Draw the signature in the box or type the name, and tick the statement. Signing locks the record (a correction is made as an amendment); going back to change an answer clears the signatures collected so far.</source>
        <translation>The co-workers who took part sign in any order, the manager last. Draw the signature in the box or type the name, and tick the statement. Signing locks the record (a correction is made as an amendment); going back to change an answer clears the signatures collected so far.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="402" />
        <source>&amp;Who is signing now?</source>
        <translation>&amp;Who is signing now?</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="420" />
        <source>Signature: draw it here</source>
        <extracomment>a radio button per person who signs: the co-workers present (by worker id), then the manager</extracomment>
        <translation>Signature: draw it here</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="423" />
        <source>&amp;Clear drawing</source>
        <translation>&amp;Clear drawing</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="436" />
        <source>Full name of the person signing</source>
        <translation>Full name of the person signing</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="439" />
        <source>I &amp;agree this is an accurate record</source>
        <translation>I &amp;agree this is an accurate record</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="446" />
        <source>S&amp;ign</source>
        <translation>S&amp;ign</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="473" />
        <source>The manager (signs last)</source>
        <translation>The manager (signs last)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="511" />
        <source>Signed: %1 (%2).</source>
        <translation>Signed: %1 (%2).</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="517" />
        <source>Signed: the manager.</source>
        <translation>Signed: the manager.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="519" />
        <source> and </source>
        <translation> and </translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="520" />
        <source>To sign: %1, then the manager.</source>
        <translation>To sign: %1, then the manager.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="522" />
        <source>To sign: the manager.</source>
        <translation>To sign: the manager.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="530" />
        <source>The manager signs once every co-worker has signed.</source>
        <translation>The manager signs once every co-worker has signed.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="536" />
        <source>%1: signed</source>
        <translation>%1: signed</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="588" />
        <source>&amp;Type the manager's full name (a typed signature, or the name under a drawn one):</source>
        <translation>&amp;Type the manager's full name (a typed signature, or the name under a drawn one):</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="591" />
        <source>Manager's name</source>
        <translation>Manager's name</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="592" />
        <source>S&amp;ign as manager and lock the record</source>
        <translation>S&amp;ign as manager and lock the record</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="593" />
        <source>Sign as manager and lock the record</source>
        <translation>Sign as manager and lock the record</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="600" />
        <source>Or &amp;type your full name to sign (%1):</source>
        <translation>Or &amp;type your full name to sign (%1):</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="604" />
        <source>S&amp;ign as %1</source>
        <translation>S&amp;ign as %1</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="607" />
        <source>To sign without drawing, type the name here and tick the statement.</source>
        <translation>To sign without drawing, type the name here and tick the statement.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="617" />
        <source>Tick "I agree this is an accurate record" to sign.</source>
        <translation>Tick "I agree this is an accurate record" to sign.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="620" />
        <source>Type the manager's name.</source>
        <translation>Type the manager's name.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="623" />
        <source>Draw the signature in the box, or type the name instead.</source>
        <translation>Draw the signature in the box, or type the name instead.</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../../cowork_desktop/ui/signature_pad.py" line="65" />
        <source>Signature drawing box</source>
        <translation>Signature drawing box</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/signature_pad.py" line="67" />
        <source>Draw the signature with a mouse, pen or finger. Keyboard users: type the name instead.</source>
        <translation>Draw the signature with a mouse, pen or finger. Keyboard users: type the name instead.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/signature_pad.py" line="218" />
        <source>Sign here</source>
        <translation>Sign here</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="289" />
        <source>How would you like to start?</source>
        <translation>How would you like to start?</translation>
    </message>
    <message>
        <source>&amp;Start with my real work</source>
        <translation type="vanished">&amp;Start with my real work</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="292" />
        <source>Start with my &amp;real work</source>
        <translation>Start with my &amp;real work</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="294" />
        <source>&amp;Look around with fictional demo data first</source>
        <translation>&amp;Look around with fictional demo data first</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="301" />
        <source>Next: add the two co-workers (Workers ▸ New worker…), the case (Cases ▸ New case…), then co-allocate it; the case page starts the initial meeting.</source>
        <translation>Next: add the two co-workers (Workers ▸ New worker…), the case (Cases ▸ New case…), then co-allocate it; the case page starts the initial meeting.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="310" />
        <source>Opens a separate demo database of fictional cases in every state, marked DEMO DATA in the window title and on every PDF. Your own database stays empty; File ▸ Open database… brings you back to it.</source>
        <translation>Opens a separate demo database of fictional cases in every state, marked DEMO DATA in the window title and on every PDF. Your own database stays empty; File ▸ Open database… brings you back to it.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="316" />
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="272" />
        <source>Case %1</source>
        <translation>Case %1</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="277" />
        <source>Co-workers: %1</source>
        <translation>Co-workers: %1</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="296" />
        <source>&amp;Date of the meeting</source>
        <translation>&amp;Date of the meeting</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="303" />
        <source>Date of the meeting</source>
        <translation>Date of the meeting</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="299" />
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="305" />
        <source>The day the meeting took place. It cannot be in the future.</source>
        <translation>The day the meeting took place. It cannot be in the future.</translation>
    </message>
</context>
<context>
    <name>TeamView</name>
    <message>
        <location filename="../../cowork_desktop/ui/insights_views.py" line="625" />
        <source>Team view: drifting into parallel working</source>
        <translation>Team view: drifting into parallel working</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/insights_views.py" line="617" />
        <source>Export calendar (.ics)…</source>
        <translation>Export calendar (.ics)…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/insights_views.py" line="615" />
        <source>Reckoning drift and promises</source>
        <extracomment>the loads running: each is kept until it has finished (the view that started it may be closed first) the figures are shown (after each refresh, whether reckoned here or off the GUI thread) up to this many co-allocations each row fits its wrapped text; more, and rows are two lines high (the reasons in full in the tooltip): fitting every row measures them all, seconds for thousands each co-allocation's drift as last reckoned: a refresh reckons again only those that changed (one read at a time uses it: see OffThreadView)</extracomment>
        <translation>Reckoning drift and promises</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/insights_views.py" line="619" />
        <source>Export calendar for the team</source>
        <translation>Export calendar for the team</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/insights_views.py" line="620" />
        <source>Every active co-allocation's next review, agreed discussions and joint supervision.</source>
        <translation>Every active co-allocation's next review, agreed discussions and joint supervision.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/insights_views.py" line="662" />
        <source>Promises kept per worker</source>
        <translation>Promises kept per worker</translation>
    </message>
</context>
<context>
    <name>TextAnswer</name>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/questions.py" line="201" />
        <source>%1 of %2 characters: %3 left</source>
        <translation>%1 of %2 characters: %3 left</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/questions.py" line="207" />
        <source>The answer is at its limit of %1 characters: shorten it, or go on in another answer.</source>
        <translation>The answer is at its limit of %1 characters: shorten it, or go on in another answer.</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="86" />
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="102" />
        <source>Verify a signed PDF</source>
        <extracomment>the checks, in the order they are shown (``certified`` only for a certification signature) the side panel's width in average characters (at least SIDE_MIN_WIDTH pixels): it grows with the text size</extracomment>
        <translation>Verify a signed PDF</translation>
    </message>
    <message>
        <source>Choose a case note exported from cowork-desktop, or drop it on this window, to see who signed it, when, and whether it is exactly the record kept in this database.</source>
        <translation type="vanished">Choose a case note exported from cowork-desktop, or drop it on this window, to see who signed it, when, and whether it is exactly the record kept in this database.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="106" />
        <source>Choose a case note or development log exported from cowork-desktop, or drop it on this window, to see who signed it, when, whether it is intact, and whether it is exactly the record kept in this database.</source>
        <translation>Choose a case note or development log exported from cowork-desktop, or drop it on this window, to see who signed it, when, whether it is intact, and whether it is exactly the record kept in this database.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="113" />
        <source>&amp;Choose a PDF…</source>
        <translation>&amp;Choose a PDF…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="122" />
        <source>Co&amp;mpare with the open database ({name})</source>
        <translation>Co&amp;mpare with the open database ({name})</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="129" />
        <source>Untick to check a file from another database (a colleague's) by the signature and your trust list alone.</source>
        <translation>Untick to check a file from another database (a colleague's) by the signature and your trust list alone.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="149" />
        <source>No file chosen yet.</source>
        <translation>No file chosen yet.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="162" />
        <source>What stops this file being valid:</source>
        <translation>What stops this file being valid:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="169" />
        <source>Checks</source>
        <translation>Checks</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="181" />
        <source>Worth knowing:</source>
        <translation>Worth knowing:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="187" />
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="213" />
        <source>Choose a signed PDF to verify</source>
        <translation>Choose a signed PDF to verify</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="213" />
        <source>PDF files (*.pdf);;All files (*)</source>
        <translation>PDF files (*.pdf);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="248" />
        <source>File: {path}</source>
        <translation>File: {path}</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="269" />
        <source>The file cannot be read.</source>
        <translation>The file cannot be read.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="280" />
        <source>Passed</source>
        <translation>Passed</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="280" />
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="280" />
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="318" />
        <source>This file cannot be verified. {reason}.</source>
        <translation>This file cannot be verified. {reason}.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="337" />
        <source>an unnamed certificate</source>
        <translation>an unnamed certificate</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="346" />
        <source>Signed by {signer}, but the signature carries no certificate.</source>
        <translation>Signed by {signer}, but the signature carries no certificate.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="352" />
        <source>Certificate SHA-256 fingerprint:
{fingerprint}
Subject: {subject}
Issued by: {issuer}
Valid from {start:%d %b %Y} to {end:%d %b %Y}</source>
        <translation>Certificate SHA-256 fingerprint:
{fingerprint}
Subject: {subject}
Issued by: {issuer}
Valid from {start:%d %b %Y} to {end:%d %b %Y}</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="364" />
        <source>Signed by {signer}, certificate {fingerprint}… (SHA-256)</source>
        <translation>Signed by {signer}, certificate {fingerprint}… (SHA-256)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="371" />
        <source>Signer trusted: {how}.</source>
        <translation>Signer trusted: {how}.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="374" />
        <source>The certificate is self-signed, as a manager's own certificate made by cowork-desktop is: that is expected.</source>
        <translation>The certificate is self-signed, as a manager's own certificate made by cowork-desktop is: that is expected.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="379" />
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="381" />
        <source>Signer's certificate: {how}.</source>
        <translation>Signer's certificate: {how}.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="386" />
        <source>Signed on {when} (by the signing computer's clock)</source>
        <translation>Signed on {when} (by the signing computer's clock)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="389" />
        <source>The signing time is not stated.</source>
        <translation>The signing time is not stated.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="394" />
        <source>Intact: the content is exactly as it was signed.</source>
        <translation>Intact: the content is exactly as it was signed.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="396" />
        <source>Not intact: the file was changed after it was signed.</source>
        <translation>Not intact: the file was changed after it was signed.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="399" />
        <source>Covers the whole file: nothing was added after signing.</source>
        <translation>Covers the whole file: nothing was added after signing.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="405" />
        <source>Does not cover the whole file: something was added after it was signed.</source>
        <translation>Does not cover the whole file: something was added after it was signed.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="410" />
        <source>Certified: no changes are allowed after signing.</source>
        <translation>Certified: no changes are allowed after signing.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="415" />
        <source>Certified, but later changes are allowed (DocMDP permission {permission}).</source>
        <translation>Certified, but later changes are allowed (DocMDP permission {permission}).</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="422" />
        <source>a development log</source>
        <translation>a development log</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="425" />
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="444" />
        <source>record {id}, version {version}</source>
        <translation>record {id}, version {version}</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="429" />
        <source>, case {reference}</source>
        <translation>, case {reference}</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="435" />
        <source>The file is {what}.</source>
        <translation>The file is {what}.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="437" />
        <source>The file names no record.</source>
        <translation>The file names no record.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="441" />
        <source>Matches the database: {note}.</source>
        <translation>Matches the database: {note}.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="443" />
        <source>Matches the database: the file is {what}, exactly as kept in {db}.</source>
        <translation>Matches the database: the file is {what}, exactly as kept in {db}.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="451" />
        <source>This version was later superseded by version {version} (record {id}), which corrects it; both stay on file.</source>
        <translation>This version was later superseded by version {version} (record {id}), which corrects it; both stay on file.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="457" />
        <source>Does not match the database</source>
        <translation>Does not match the database</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="463" />
        <source>Not compared with a database: none is open.</source>
        <translation>Not compared with a database: none is open.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="465" />
        <source>Not compared with a database: the comparison is unticked.</source>
        <translation>Not compared with a database: the comparison is unticked.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="472" />
        <source>Not compared with the database: {reason}.</source>
        <translation>Not compared with the database: {reason}.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="473" />
        <source>nothing to compare</source>
        <translation>nothing to compare</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="480" />
        <source>Exported from this database: its audit log records saving this very file.</source>
        <translation>Exported from this database: its audit log records saving this very file.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="486" />
        <source>Not exported from this database: this file's SHA-256 is not in its audit log.</source>
        <translation>Not exported from this database: this file's SHA-256 is not in its audit log.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="490" />
        <source>Not checked whether this very file was exported from a database.</source>
        <translation>Not checked whether this very file was exported from a database.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="500" />
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="520" />
        <source>the record</source>
        <translation>the record</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="502" />
        <source>Signed by {signer}, intact, and exactly {what}, as kept in {db} and exported from it.</source>
        <translation>Signed by {signer}, intact, and exactly {what}, as kept in {db} and exported from it.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="505" />
        <source>An earlier version: version {version} corrects it.</source>
        <translation>An earlier version: version {version} corrects it.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="510" />
        <source>whose certificate is in your trust list</source>
        <translation>whose certificate is in your trust list</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="511" />
        <source>whose certificate is issued by a CA in your trust list</source>
        <translation>whose certificate is issued by a CA in your trust list</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="514" />
        <source>Intact, and signed by {signer}, {how}. Not compared with a database: to check it is the record kept there, open the manager's database and verify it again.</source>
        <translation>Intact, and signed by {signer}, {how}. Not compared with a database: to check it is the record kept there, open the manager's database and verify it again.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="517" />
        <source>Valid</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="523" />
        <source>Valid, but superseded: not the current record</source>
        <translation>Valid, but superseded: not the current record</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="525" />
        <source>Signed by {signer}, intact, and exactly {what}, as kept in {db}. A later version corrects it: version {version} (record {record}). Rely on that one.</source>
        <translation>Signed by {signer}, intact, and exactly {what}, as kept in {db}. A later version corrects it: version {version} (record {record}). Rely on that one.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="540" />
        <source>Intact, but the signer is not known here</source>
        <translation>Intact, but the signer is not known here</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="542" />
        <source>The signature is sound, but nothing on this computer shows that its certificate is {signer}'s.
To prove it, open the manager's database (File ▸ Open database…) and verify the file again; or ask {signer} for their certificate file (.crt), compare its fingerprint ({fingerprint}…) with them, and trust it: File ▸ Settings… ▸ Signing and trust ▸ Add certificate…, or the command cowork trust add FILE.crt</source>
        <translation>The signature is sound, but nothing on this computer shows that its certificate is {signer}'s.
To prove it, open the manager's database (File ▸ Open database…) and verify the file again; or ask {signer} for their certificate file (.crt), compare its fingerprint ({fingerprint}…) with them, and trust it: File ▸ Settings… ▸ Signing and trust ▸ Add certificate…, or the command cowork trust add FILE.crt</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="552" />
        <source>NOT valid: do not rely on this file</source>
        <translation>NOT valid: do not rely on this file</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="560" />
        <source>The problem is listed below.</source>
        <translation>The problem is listed below.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="562" />
        <source>The problems are listed below.</source>
        <translation>The problems are listed below.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="565" />
        <source>It was changed after it was signed.</source>
        <translation>It was changed after it was signed.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="567" />
        <source>Something was added after it was signed.</source>
        <translation>Something was added after it was signed.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="570" />
        <source>It is not a record kept in this database, nor signed by a certificate it knows: if it comes from another database, open that one and verify it again.</source>
        <translation>It is not a record kept in this database, nor signed by a certificate it knows: if it comes from another database, open that one and verify it again.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="574" />
        <source>It is not the record kept in this database.</source>
        <translation>It is not the record kept in this database.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="576" />
        <source>It fails a check.</source>
        <translation>It fails a check.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="581" />
        <source>the database</source>
        <translation>the database</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="75" />
        <source>Welcome to cowork-desktop</source>
        <translation>Welcome to cowork-desktop</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="80" />
        <source>cowork-desktop helps you set up co-worked cases the way the co-working protocol asks: it leads you through the initial meeting with both co-workers, the reviews and the reflective discussions, and keeps track of what is due. It produces the signed MDR for the child's file, and everything stays on this computer.</source>
        <translation>cowork-desktop helps you set up co-worked cases the way the co-working protocol asks: it leads you through the initial meeting with both co-workers, the reviews and the reflective discussions, and keeps track of what is due. It produces the signed MDR for the child's file, and everything stays on this computer.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="92" />
        <source>This takes about two minutes: who you are, where your data is, your signing certificate, and whether to look around with demo data first. You can change all of it later in File ▸ Settings… (Ctrl+,). Press F1 at any time for help.</source>
        <translation>This takes about two minutes: who you are, where your data is, your signing certificate, and whether to look around with demo data first. You can change all of it later in File ▸ Settings… (Ctrl+,). Press F1 at any time for help.</translation>
    </message>
    <message>
        <source>This takes about two minutes: who you are, where your data is, your signing certificate, and whether to look around with demo data first. You can change all of it later in Edit ▸ Settings…. Press F1 at any time for help.</source>
        <translation type="vanished">This takes about two minutes: who you are, where your data is, your signing certificate, and whether to look around with demo data first. You can change all of it later in Edit ▸ Settings…. Press F1 at any time for help.</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="79" />
        <source>Welcome to cowork-desktop</source>
        <translation>Welcome to cowork-desktop</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="83" />
        <source>Set up co-worked cases, record the initial meeting with both co-workers, and keep reviews, reflective discussions and agreed actions on track. Everything stays on this computer.</source>
        <translation>Set up co-worked cases, record the initial meeting with both co-workers, and keep reviews, reflective discussions and agreed actions on track. Everything stays on this computer.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="91" />
        <source>This database is empty. Start by adding the workers in your team, or look around with demo data first (fictional cases and people, clearly marked DEMO DATA).</source>
        <translation>This database is empty. Start by adding the workers in your team, or look around with demo data first (fictional cases and people, clearly marked DEMO DATA).</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="100" />
        <source>&amp;Add a worker…</source>
        <translation>&amp;Add a worker…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="100" />
        <source>Add a worker</source>
        <translation>Add a worker</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="103" />
        <source>Load &amp;demo data</source>
        <translation>Load &amp;demo data</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="105" />
        <source>Load demo data</source>
        <translation>Load demo data</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="106" />
        <source>Adds fictional cases and workers so you can try every screen.</source>
        <translation>Adds fictional cases and workers so you can try every screen.</translation>
    </message>
</context>
<context>
    <name>Widgets</name>
    <message>
        <location filename="../../cowork_desktop/ui/widgets.py" line="574" />
        <source>Replace the file?</source>
        <translation>Replace the file?</translation>
    </message>
</context>
<context>
    <name>Wizard</name>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="338" />
        <source>The arrangement agreed last time</source>
        <translation>The arrangement agreed last time</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="349" />
        <source>Who does what:</source>
        <translation>Who does what:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/style.py" line="112" />
        <source>(required)</source>
        <translation>(required)</translation>
    </message>
</context>
<context>
    <name>WorkerAnswer</name>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/questions.py" line="425" />
        <source>Choose a co-worker...</source>
        <translation>Choose a co-worker...</translation>
    </message>
</context>
<context>
    <name>WorkerDialog</name>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="158" />
        <source>Edit worker</source>
        <translation>Edit worker</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="157" />
        <source>Add a worker</source>
        <extracomment>what the save changed (nothing until saved)</extracomment>
        <translation>Add a worker</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="166" />
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="167" />
        <source>Choose a role</source>
        <translation>Choose a role</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="168" />
        <source>e.g. Assessment Team 2</source>
        <translation>e.g. Assessment Team 2</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="169" />
        <source>Active (can be chosen for new co-allocations)</source>
        <translation>Active (can be chosen for new co-allocations)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="171" />
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="174" />
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="175" />
        <source>&amp;Role:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="176" />
        <source>&amp;Team:</source>
        <translation>&amp;Team:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="177" />
        <source>Stat&amp;us:</source>
        <translation>Stat&amp;us:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="193" />
        <source>Choose a role.</source>
        <translation>Choose a role.</translation>
    </message>
</context>
<context>
    <name>WorkerPage</name>
    <message>
        <location filename="../../cowork_desktop/ui/worker_page.py" line="245" />
        <source>← All workers</source>
        <extracomment>what this page shows (``services.changes.KINDS``): the main window refreshes it when one changes up to this many entries in a tree, its groups are open and each line wraps its text; more, and the groups (with their counts) open when asked, their lines one line high (the full entry in its tooltip)</extracomment>
        <translation>← All workers</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/worker_page.py" line="245" />
        <source>Back to all workers</source>
        <translation>Back to all workers</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/worker_page.py" line="252" />
        <source>E&amp;xport development log…</source>
        <translation>E&amp;xport development log…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/worker_page.py" line="254" />
        <location filename="../../cowork_desktop/ui/worker_page.py" line="419" />
        <source>Export development log</source>
        <translation>Export development log</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/worker_page.py" line="255" />
        <source>A PDF of the learning by PCF domain, for an ASYE or placement portfolio.</source>
        <translation>A PDF of the learning by PCF domain, for an ASYE or placement portfolio.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/worker_page.py" line="268" />
        <source>Reading the development log</source>
        <translation>Reading the development log</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/worker_page.py" line="269" />
        <source>Development log</source>
        <translation>Development log</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/worker_page.py" line="274" />
        <source>Learning recorded in signed records of co-worked cases, linked to the Professional Capabilities Framework by keywords (or by a [PCF: …] tag in the entry). Cases are named by reference; children's initials are removed.</source>
        <translation>Learning recorded in signed records of co-worked cases, linked to the Professional Capabilities Framework by keywords (or by a [PCF: …] tag in the entry). Cases are named by reference; children's initials are removed.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/worker_page.py" line="284" />
        <source>By PCF &amp;domain</source>
        <translation>By PCF &amp;domain</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/worker_page.py" line="285" />
        <source>Over t&amp;ime</source>
        <translation>Over t&amp;ime</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/worker_page.py" line="421" />
        <source>PDF files (*.pdf);;All files (*)</source>
        <translation>PDF files (*.pdf);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/worker_page.py" line="440" />
        <location filename="../../cowork_desktop/ui/worker_page.py" line="456" />
        <source>Cannot export the development log</source>
        <translation>Cannot export the development log</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/worker_page.py" line="444" />
        <source>Development log exported</source>
        <translation>Development log exported</translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation type="vanished">Replace the file?</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/worker_page.py" line="488" />
        <source>Sign the development log</source>
        <translation>Sign the development log</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/worker_page.py" line="490" />
        <source>The log is signed like a case note. Passphrase of your signing certificate (%1):</source>
        <translation>The log is signed like a case note. Passphrase of your signing certificate (%1):</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/worker_page.py" line="500" />
        <source>Wrong passphrase: it does not open your certificate. Nothing was saved.</source>
        <translation>Wrong passphrase: it does not open your certificate. Nothing was saved.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/worker_page.py" line="504" />
        <source>Cannot sign the development log</source>
        <translation>Cannot sign the development log</translation>
    </message>
</context>
<context>
    <name>WorkersPage</name>
    <message>
        <location filename="../../cowork_desktop/ui/workers.py" line="60" />
        <location filename="../../cowork_desktop/ui/workers.py" line="63" />
        <source>Workers</source>
        <translation>Workers</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/workers.py" line="49" />
        <source>&amp;Add worker…</source>
        <extracomment>what this page shows (``services.changes.KINDS``): the main window refreshes it when one changes</extracomment>
        <translation>&amp;Add worker…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/workers.py" line="49" />
        <source>Add worker</source>
        <translation>Add worker</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/workers.py" line="50" />
        <source>&amp;Edit worker…</source>
        <translation>&amp;Edit worker…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/workers.py" line="50" />
        <source>Edit worker</source>
        <translation>Edit worker</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/workers.py" line="52" />
        <source>&amp;Open</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/workers.py" line="54" />
        <source>Open worker</source>
        <translation>Open worker</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/workers.py" line="55" />
        <source>The worker's details and development log.</source>
        <translation>The worker's details and development log.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/workers.py" line="72" />
        <source>Workers who have left stay here (their records keep their names): mark them inactive so they are not offered for new co-allocations.</source>
        <translation>Workers who have left stay here (their records keep their names): mark them inactive so they are not offered for new co-allocations.</translation>
    </message>
</context>
<context>
    <name>YouPage</name>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="105" />
        <source>About you</source>
        <translation>About you</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="106" />
        <source>These appear on every case note you sign.</source>
        <translation>These appear on every case note you sign.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="109" />
        <source>e.g. Assessment Team 2</source>
        <translation>e.g. Assessment Team 2</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation type="vanished">Your &amp;name:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="115" />
        <source>As you sign records.</source>
        <translation>As you sign records.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="115" />
        <source>&amp;Your name:</source>
        <translation>&amp;Your name:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="117" />
        <source>&amp;Team:</source>
        <translation>&amp;Team:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="118" />
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="121" />
        <source>Protective &amp;marking:</source>
        <translation>Protective &amp;marking:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="123" />
        <source>Printed on every page. OFFICIAL-SENSITIVE is usual for children's records.</source>
        <translation>Printed on every page. OFFICIAL-SENSITIVE is usual for children's records.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="127" />
        <source>Bank &amp;holidays of:</source>
        <translation>Bank &amp;holidays of:</translation>
    </message>
    <message>
        <source>&amp;Bank holidays of:</source>
        <translation type="vanished">&amp;Bank holidays of:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="129" />
        <source>Deadlines count working days, skipping these bank holidays.</source>
        <translation>Deadlines count working days, skipping these bank holidays.</translation>
    </message>
</context>
<context>
    <name>_FormDialog</name>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="81" />
        <source>Problem</source>
        <extracomment>the window title adding one, and editing one (translated in the context of the dialog's class name)</extracomment>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="97" />
        <source>Save</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="100" />
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>self.self</name>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="387" />
        <source>Working-day deadlines skip weekends and these bank holidays.</source>
        <translation>Working-day deadlines skip weekends and these bank holidays.</translation>
    </message>
</context>
</TS>