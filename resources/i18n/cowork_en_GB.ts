<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
<context>
    <name>ActionReviewAnswer</name>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/questions.py" line="726" />
        <source>No actions were open from earlier meetings.</source>
        <translation>No actions were open from earlier meetings.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/questions.py" line="742" />
        <source>Done?</source>
        <translation>Done?</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/questions.py" line="754" />
        <source>Note (what happened, new date)</source>
        <translation>Note (what happened, new date)</translation>
    </message>
</context>
<context>
    <name>ActionRow</name>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/questions.py" line="595" />
        <source>What will be done</source>
        <translation>What will be done</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/questions.py" line="598" />
        <source>Who?</source>
        <translation>Who?</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/questions.py" line="603" />
        <source>Remove</source>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/questions.py" line="608" />
        <source>by</source>
        <translation>by</translation>
    </message>
</context>
<context>
    <name>ActionsAnswer</name>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/questions.py" line="647" />
        <source>No actions yet.</source>
        <translation>No actions yet.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/questions.py" line="649" />
        <source>Add action</source>
        <translation>Add action</translation>
    </message>
</context>
<context>
    <name>AmendReasonDialog</name>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/record_view.py" line="38" />
        <source>Amend a signed record</source>
        <translation>Amend a signed record</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/record_view.py" line="40" />
        <location filename="../../cowork_desktop/ui/wizard/record_view.py" line="54" />
        <source>Why is this record being amended?</source>
        <translation>Why is this record being amended?</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/record_view.py" line="46" />
        <source>The signed version stays as it is and readable; the amendment is a new version that is signed again. Say what is corrected and why.</source>
        <translation>The signed version stays as it is and readable; the amendment is a new version that is signed again. Say what is corrected and why.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/record_view.py" line="61" />
        <source>Amend</source>
        <translation>Amend</translation>
    </message>
</context>
<context>
    <name>CadenceTimeline</name>
    <message>
        <location filename="../../cowork_desktop/ui/charts.py" line="197" />
        <source>Agreed and held dates</source>
        <translation>Agreed and held dates</translation>
    </message>
</context>
<context>
    <name>CaseDialog</name>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="52" />
        <source>Open</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="53" />
        <source>Closed</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="54" />
        <source>Transferred</source>
        <translation>Transferred</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="230" />
        <source>Edit case</source>
        <translation>Edit case</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="232" />
        <source>New case</source>
        <translation>New case</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="237" />
        <source>Case reference only — never a child's name. Use initials for the children.</source>
        <translation>Case reference only — never a child's name. Use initials for the children.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="245" />
        <source>Number of children</source>
        <translation>Number of children</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="248" />
        <source>e.g. AB, CD</source>
        <translation>e.g. AB, CD</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="250" />
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="254" />
        <source>Case status</source>
        <translation>Case status</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="260" />
        <source>Case &amp;reference:</source>
        <translation>Case &amp;reference:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="262" />
        <source>From the case management system, e.g. CR-100234.</source>
        <translation>From the case management system, e.g. CR-100234.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="264" />
        <source>Number of &amp;children:</source>
        <translation>Number of &amp;children:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="267" />
        <source>Children's &amp;initials:</source>
        <translation>Children's &amp;initials:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="269" />
        <source>Initials only, in capitals (optional).</source>
        <translation>Initials only, in capitals (optional).</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="271" />
        <source>&amp;Plan:</source>
        <translation>&amp;Plan:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="272" />
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
</context>
<context>
    <name>CaseInsightsPanel</name>
    <message>
        <location filename="../../cowork_desktop/ui/insights_views.py" line="266" />
        <source>Drift towards parallel working</source>
        <translation>Drift towards parallel working</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/insights_views.py" line="270" />
        <source>Export calendar (.ics)…</source>
        <translation>Export calendar (.ics)…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/insights_views.py" line="272" />
        <source>Export calendar for this case</source>
        <translation>Export calendar for this case</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/insights_views.py" line="273" />
        <source>The next review and the agreed discussions and joint supervision, as calendar events.</source>
        <translation>The next review and the agreed discussions and joint supervision, as calendar events.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/insights_views.py" line="283" />
        <source>Agreed dates and held dates</source>
        <translation>Agreed dates and held dates</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/insights_views.py" line="291" />
        <source>Promises kept</source>
        <translation>Promises kept</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/insights_views.py" line="302" />
        <source>An action is done on time when a record confirmed it by its due date, or at the first look after it fell due; late when a record had found it not done first. Actions not yet due are left out.</source>
        <translation>An action is done on time when a record confirmed it by its due date, or at the first look after it fell due; late when a record had found it not done first. Actions not yet due are left out.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/insights_views.py" line="311" />
        <source>Partnership over time</source>
        <translation>Partnership over time</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/insights_views.py" line="350" />
        <source>Co-working has ended</source>
        <translation>Co-working has ended</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/insights_views.py" line="352" />
        <source>Drift is reckoned for co-working still in place; the history is below.</source>
        <translation>Drift is reckoned for co-working still in place; the history is below.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/insights_views.py" line="355" />
        <source>Not co-allocated</source>
        <translation>Not co-allocated</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/insights_views.py" line="357" />
        <source>Nothing to show until the case is co-allocated to two workers.</source>
        <translation>Nothing to show until the case is co-allocated to two workers.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/insights_views.py" line="368" />
        <source>No co-allocation yet.</source>
        <translation>No co-allocation yet.</translation>
    </message>
</context>
<context>
    <name>CaseListPage</name>
    <message>
        <location filename="../../cowork_desktop/ui/case_list.py" line="140" />
        <location filename="../../cowork_desktop/ui/case_list.py" line="166" />
        <source>Cases</source>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_list.py" line="142" />
        <source>&amp;New case…</source>
        <translation>&amp;New case…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_list.py" line="142" />
        <source>New case</source>
        <translation>New case</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_list.py" line="148" />
        <source>&amp;Search:</source>
        <translation>&amp;Search:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_list.py" line="151" />
        <source>Search cases</source>
        <translation>Search cases</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_list.py" line="152" />
        <source>Case reference or worker name</source>
        <translation>Case reference or worker name</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_list.py" line="189" />
        <source>Double-click a case, or select it and press Enter, to open it.</source>
        <translation>Double-click a case, or select it and press Enter, to open it.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_list.py" line="215" />
        <source>%1 matching</source>
        <translation>%1 matching</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_list.py" line="215" />
        <source>1 matching</source>
        <translation>1 matching</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_list.py" line="219" />
        <source>%1 cases</source>
        <translation>%1 cases</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_list.py" line="219" />
        <source>1 case</source>
        <translation>1 case</translation>
    </message>
</context>
<context>
    <name>CasePage</name>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="164" />
        <source>← All cases</source>
        <extracomment>the meeting buttons, in the order of the protocol</extracomment>
        <translation>← All cases</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="164" />
        <source>Back to all cases</source>
        <translation>Back to all cases</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="169" />
        <source>&amp;Edit case…</source>
        <translation>&amp;Edit case…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="169" />
        <source>Edit case</source>
        <translation>Edit case</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="172" />
        <location filename="../../cowork_desktop/ui/case_page.py" line="380" />
        <source>New &amp;co-allocation…</source>
        <translation>New &amp;co-allocation…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="172" />
        <location filename="../../cowork_desktop/ui/case_page.py" line="383" />
        <source>New co-allocation</source>
        <translation>New co-allocation</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="189" />
        <source>Co-allocation</source>
        <translation>Co-allocation</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="192" />
        <source>Co-workers</source>
        <translation>Co-workers</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="192" />
        <source>Lead</source>
        <translation>Lead</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="192" />
        <source>Reasons</source>
        <translation>Reasons</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="192" />
        <source>From</source>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="192" />
        <source>Until</source>
        <translation>Until</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="215" />
        <source>Record a meeting</source>
        <translation>Record a meeting</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="228" />
        <source>Due for this case</source>
        <translation>Due for this case</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="236" />
        <source>Nothing is due for this case.</source>
        <translation>Nothing is due for this case.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="250" />
        <source>Double-click a record, or select it and press Enter, to open it.</source>
        <translation>Double-click a record, or select it and press Enter, to open it.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="253" />
        <source>&amp;Open record</source>
        <translation>&amp;Open record</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="253" />
        <source>Open record</source>
        <translation>Open record</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="266" />
        <source>No records yet: start with the initial co-working meeting.</source>
        <translation>No records yet: start with the initial co-working meeting.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="271" />
        <source>&amp;Records</source>
        <translation>&amp;Records</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="272" />
        <source>Co-workin&amp;g health</source>
        <translation>Co-workin&amp;g health</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="298" />
        <source>Case %1</source>
        <translation>Case %1</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="300" />
        <source>1 child</source>
        <translation>1 child</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="302" />
        <source>%1 children</source>
        <translation>%1 children</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="359" />
        <source>This case is not co-allocated yet. Choose “New co-allocation” to name the two co-workers.</source>
        <translation>This case is not co-allocated yet. Choose “New co-allocation” to name the two co-workers.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="374" />
        <source>Each button opens the draft of that meeting, or starts one.</source>
        <translation>Each button opens the draft of that meeting, or starts one.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="377" />
        <source>Co-allocate the case to two workers before recording a meeting.</source>
        <translation>Co-allocate the case to two workers before recording a meeting.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="380" />
        <source>Edit &amp;co-allocation…</source>
        <translation>Edit &amp;co-allocation…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/case_page.py" line="383" />
        <source>Edit co-allocation</source>
        <translation>Edit co-allocation</translation>
    </message>
</context>
<context>
    <name>CertificateDialog</name>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="117" />
        <source>Your signing certificate</source>
        <translation>Your signing certificate</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="121" />
        <source>Set up your signing certificate</source>
        <translation>Set up your signing certificate</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="125" />
        <source>Signed case notes carry a digital signature made with your certificate, so anyone can check who signed them and that they have not been changed. You need to do this once.</source>
        <translation>Signed case notes carry a digital signature made with your certificate, so anyone can check who signed them and that they have not been changed. You need to do this once.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="130" />
        <source>&amp;Create my signing certificate</source>
        <translation>&amp;Create my signing certificate</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="133" />
        <source>&amp;Import a certificate file (.p12/.pfx) from my organisation</source>
        <translation>&amp;Import a certificate file (.p12/.pfx) from my organisation</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="155" />
        <source>Certificate</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="191" />
        <source>Your &amp;name:</source>
        <translation>Your &amp;name:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="193" />
        <source>As it appears on every signed case note.</source>
        <translation>As it appears on every signed case note.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="195" />
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="198" />
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="235" />
        <source>&amp;Passphrase:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="203" />
        <source>&amp;Type it again:</source>
        <translation>&amp;Type it again:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="218" />
        <source>manager.p12</source>
        <translation>manager.p12</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="219" />
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="221" />
        <source>Choose the certificate file</source>
        <translation>Choose the certificate file</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="228" />
        <source>Certificate &amp;file:</source>
        <translation>Certificate &amp;file:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="230" />
        <source>The .p12 or .pfx file your organisation gave you.</source>
        <translation>The .p12 or .pfx file your organisation gave you.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="237" />
        <source>The passphrase that came with the file. It is never stored.</source>
        <translation>The passphrase that came with the file. It is never stored.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="249" />
        <source>Create certificate</source>
        <translation>Create certificate</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="249" />
        <source>Import certificate</source>
        <translation>Import certificate</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="274" />
        <source>Choose your certificate file</source>
        <translation>Choose your certificate file</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="276" />
        <source>Certificate files (*.p12 *.pfx);;All files (*)</source>
        <translation>Certificate files (*.p12 *.pfx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="298" />
        <source>Enter your name as it should appear on signed case notes.</source>
        <translation>Enter your name as it should appear on signed case notes.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="302" />
        <source>The two passphrases are different: type the same one twice.</source>
        <translation>The two passphrases are different: type the same one twice.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="326" />
        <source>Choose the certificate file your organisation gave you.</source>
        <translation>Choose the certificate file your organisation gave you.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="328" />
        <source>There is no such file.</source>
        <translation>There is no such file.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/certificate_dialog.py" line="330" />
        <source>Enter the passphrase that came with the certificate.</source>
        <translation>Enter the passphrase that came with the certificate.</translation>
    </message>
</context>
<context>
    <name>CertificatePage</name>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="233" />
        <source>Your signing certificate</source>
        <translation>Your signing certificate</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="235" />
        <source>You sign each MDR with it, so anyone can check who signed it and that it is unchanged.</source>
        <translation>You sign each MDR with it, so anyone can check who signed it and that it is unchanged.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="254" />
        <source>&amp;Later: ask me when I first sign a record</source>
        <translation>&amp;Later: ask me when I first sign a record</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="280" />
        <source>Your certificate is set up: %1</source>
        <translation>Your certificate is set up: %1</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseDialog</name>
    <message>
        <location filename="../../cowork_desktop/ui/security.py" line="221" />
        <source>Change the passphrase</source>
        <translation>Change the passphrase</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/security.py" line="233" />
        <source>Backups taken before the change keep the old passphrase.</source>
        <translation>Backups taken before the change keep the old passphrase.</translation>
    </message>
</context>
<context>
    <name>CoAllocationDialog</name>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="329" />
        <source>Edit co-allocation</source>
        <translation>Edit co-allocation</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="331" />
        <source>New co-allocation</source>
        <translation>New co-allocation</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="348" />
        <source>Type the case reference</source>
        <translation>Type the case reference</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="354" />
        <source>&amp;Case:</source>
        <translation>&amp;Case:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="357" />
        <source>Case %1</source>
        <translation>Case %1</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="360" />
        <source>First co-worker</source>
        <translation>First co-worker</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="361" />
        <source>Second co-worker</source>
        <translation>Second co-worker</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="362" />
        <source>Lead worker</source>
        <translation>Lead worker</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="363" />
        <location filename="../../cowork_desktop/ui/dialogs.py" line="470" />
        <source>Choose the two co-workers first</source>
        <translation>Choose the two co-workers first</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="379" />
        <source>Reason: %1</source>
        <translation>Reason: %1</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="383" />
        <source>&amp;First co-worker:</source>
        <translation>&amp;First co-worker:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="384" />
        <source>&amp;Second co-worker:</source>
        <translation>&amp;Second co-worker:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="387" />
        <source>&amp;Lead:</source>
        <translation>&amp;Lead:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="389" />
        <source>The experienced worker usually leads at first, to model good practice.</source>
        <translation>The experienced worker usually leads at first, to model good practice.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="391" />
        <source>Co-allocated &amp;on:</source>
        <translation>Co-allocated &amp;on:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="393" />
        <source>&amp;Reasons:</source>
        <translation>&amp;Reasons:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="399" />
        <location filename="../../cowork_desktop/ui/dialogs.py" line="401" />
        <source>Co-working has ended</source>
        <translation>Co-working has ended</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="409" />
        <source>e.g. student placement finished</source>
        <translation>e.g. student placement finished</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="410" />
        <source>&amp;Ended:</source>
        <translation>&amp;Ended:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="411" />
        <source>&amp;End date:</source>
        <translation>&amp;End date:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="412" />
        <source>End reas&amp;on:</source>
        <translation>End reas&amp;on:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="442" />
        <source>Choose a worker</source>
        <translation>Choose a worker</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="444" />
        <source>(inactive)</source>
        <translation>(inactive)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="470" />
        <source>Choose the lead</source>
        <translation>Choose the lead</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="480" />
        <source>Type the reference of the case to co-allocate.</source>
        <translation>Type the reference of the case to co-allocate.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="485" />
        <source>There is no case with reference %1.</source>
        <translation>There is no case with reference %1.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="490" />
        <source>Choose the first co-worker.</source>
        <translation>Choose the first co-worker.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="492" />
        <source>Choose the second co-worker.</source>
        <translation>Choose the second co-worker.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="494" />
        <source>Choose which of the two co-workers leads.</source>
        <translation>Choose which of the two co-workers leads.</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../cowork_desktop/ui/dashboard.py" line="154" />
        <source>What needs doing</source>
        <extracomment>rows of the dashboard table are this many lines of text tall (a long message wraps to a second line) rows looked at to size a column to its contents (Qt's default, 1000, is slow with thousands of rows)</extracomment>
        <translation>What needs doing</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dashboard.py" line="156" />
        <source>&amp;As on:</source>
        <translation>&amp;As on:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dashboard.py" line="159" />
        <source>As on date</source>
        <translation>As on date</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dashboard.py" line="176" />
        <source>Counts</source>
        <translation>Counts</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dashboard.py" line="179" />
        <source>Double-click a line, or select it and press Enter, to open the case.</source>
        <translation>Double-click a line, or select it and press Enter, to open the case.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dashboard.py" line="185" />
        <source>Due and overdue items</source>
        <translation>Due and overdue items</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dashboard.py" line="220" />
        <source>&amp;Due and overdue</source>
        <translation>&amp;Due and overdue</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dashboard.py" line="221" />
        <source>Team view: drift and &amp;promises</source>
        <translation>Team view: drift and &amp;promises</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dashboard.py" line="251" />
        <source>Nothing is due or overdue on %1.</source>
        <translation>Nothing is due or overdue on %1.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dashboard.py" line="254" />
        <source>Initial meetings, reviews, reflective discussions and agreed actions appear here when due.</source>
        <translation>Initial meetings, reviews, reflective discussions and agreed actions appear here when due.</translation>
    </message>
</context>
<context>
    <name>DataPage</name>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="164" />
        <source>Your data</source>
        <translation>Your data</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="165" />
        <source>Everything stays on this computer. Nothing is ever sent over the network.</source>
        <translation>Everything stays on this computer. Nothing is ever sent over the network.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="176" />
        <source>Your records:</source>
        <translation>Your records:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="178" />
        <source>One file, readable by you only. File ▸ Open database… opens another.</source>
        <translation>One file, readable by you only. File ▸ Open database… opens another.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="182" />
        <source>Encrypted with your passphrase: without it the file is unreadable.</source>
        <translation>Encrypted with your passphrase: without it the file is unreadable.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="185" />
        <source>Not encrypted. Keep this computer's disk encryption on. (An encrypted database is offered when the app creates its database at the very first start.)</source>
        <translation>Not encrypted. Keep this computer's disk encryption on. (An encrypted database is offered when the app creates its database at the very first start.)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="191" />
        <source>Encryption:</source>
        <translation>Encryption:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="198" />
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="200" />
        <location filename="../../cowork_desktop/ui/first_run.py" line="216" />
        <source>Choose the backup folder</source>
        <translation>Choose the backup folder</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="206" />
        <source>&amp;Backups go to:</source>
        <translation>&amp;Backups go to:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="209" />
        <source>A checked backup is taken every day you start the app. Leave empty for the folder shown, or choose one on another disk.</source>
        <translation>A checked backup is taken every day you start the app. Leave empty for the folder shown, or choose one on another disk.</translation>
    </message>
</context>
<context>
    <name>DateAnswer</name>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/questions.py" line="316" />
        <source>Set a date</source>
        <translation>Set a date</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="543" />
        <source>Signed and locked</source>
        <translation>Signed and locked</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="553" />
        <source>Print agreed plan...</source>
        <translation>Print agreed plan...</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="558" />
        <source>Export signed PDF...</source>
        <translation>Export signed PDF...</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="588" />
        <source>Urgent: </source>
        <translation>Urgent: </translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="588" />
        <source>Next step: </source>
        <translation>Next step: </translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="599" />
        <source>Start issue-resolution MDR now</source>
        <translation>Start issue-resolution MDR now</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="601" />
        <source>Start %1 now</source>
        <translation>Start %1 now</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../cowork_desktop/ui/export_dialog.py" line="202" />
        <source>Set &amp;up my certificate…</source>
        <extracomment>the session's unlocked signing keys</extracomment>
        <translation>Set &amp;up my certificate…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/export_dialog.py" line="212" />
        <source>Certificate &amp;passphrase:</source>
        <translation>Certificate &amp;passphrase:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/export_dialog.py" line="214" />
        <location filename="../../cowork_desktop/ui/export_dialog.py" line="219" />
        <source>Certificate passphrase</source>
        <translation>Certificate passphrase</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/export_dialog.py" line="218" />
        <source>Asked once while the app is open. It is never stored.</source>
        <translation>Asked once while the app is open. It is never stored.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/export_dialog.py" line="226" />
        <source>Only a signed record can be exported as signed. This one can be printed as a PDF marked DRAFT on every page, unsigned: it is not a record for the child's file.</source>
        <translation>Only a signed record can be exported as signed. This one can be printed as a PDF marked DRAFT on every page, unsigned: it is not a record for the child's file.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/export_dialog.py" line="233" />
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/export_dialog.py" line="243" />
        <source>&amp;Save signed PDF…</source>
        <translation>&amp;Save signed PDF…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/export_dialog.py" line="245" />
        <source>&amp;Print draft PDF…</source>
        <translation>&amp;Print draft PDF…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/export_dialog.py" line="247" />
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/export_dialog.py" line="333" />
        <source>No signing certificate yet. Create your own, or import the one your organisation gave you: you will be asked when you save.</source>
        <translation>No signing certificate yet. Create your own, or import the one your organisation gave you: you will be asked when you save.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/export_dialog.py" line="365" />
        <source>Enter the passphrase of your signing certificate.</source>
        <translation>Enter the passphrase of your signing certificate.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/export_dialog.py" line="374" />
        <source>Wrong passphrase: it does not open your certificate. Try again.</source>
        <translation>Wrong passphrase: it does not open your certificate. Try again.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/export_dialog.py" line="395" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/export_dialog.py" line="470" />
        <source>Cannot export the record</source>
        <translation>Cannot export the record</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="353" />
        <source>Welcome to cowork-desktop</source>
        <translation>Welcome to cowork-desktop</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="356" />
        <source>&amp;Start</source>
        <translation>&amp;Start</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="401" />
        <source>Not finished: %1</source>
        <translation>Not finished: %1</translation>
    </message>
</context>
<context>
    <name>FormPage</name>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="153" />
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
        <location filename="../../cowork_desktop/ui/help.py" line="192" />
        <location filename="../../cowork_desktop/ui/help.py" line="260" />
        <source>Where is my data?</source>
        <translation>Where is my data?</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="194" />
        <source>Your records</source>
        <translation>Your records</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="196" />
        <source>Everything is in one file on this computer, readable by you only:</source>
        <translation>Everything is in one file on this computer, readable by you only:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="203" />
        <source>It is **encrypted** with your passphrase (SQLCipher, AES-256). Nobody can read it without it.</source>
        <translation>It is **encrypted** with your passphrase (SQLCipher, AES-256). Nobody can read it without it.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="208" />
        <source>It is **not encrypted**. Keep the computer's own disk encryption on, or create an encrypted database (the first start offers one).</source>
        <translation>It is **not encrypted**. Keep the computer's own disk encryption on, or create an encrypted database (the first start offers one).</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="215" />
        <source>Backups</source>
        <translation>Backups</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="217" />
        <source>A checked backup is taken every day the app starts and before every update, kept in rotation in:</source>
        <translation>A checked backup is taken every day the app starts and before every update, kept in rotation in:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="224" />
        <source>File ▸ Back up now takes one at once; File ▸ Restore… puts one back (the current file is kept).</source>
        <translation>File ▸ Back up now takes one at once; File ▸ Restore… puts one back (the current file is kept).</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="229" />
        <source>Your signing certificate</source>
        <translation>Your signing certificate</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="233" />
        <source>set up.</source>
        <translation>set up.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="236" />
        <source>not set up yet: Edit ▸ Settings… ▸ Records &amp; PDFs, or when you first sign.</source>
        <translation>not set up yet: Edit ▸ Settings… ▸ Records &amp; PDFs, or when you first sign.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="241" />
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="243" />
        <source>What belongs to the records (your name, organisation, marking, working days…) is kept in the database itself. The look of the app (theme, text size, window sizes) is kept for this computer in:</source>
        <translation>What belongs to the records (your name, organisation, marking, working days…) is kept in the database itself. The look of the app (theme, text size, window sizes) is kept for this computer in:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="251" />
        <source>Nothing is ever sent over the network.</source>
        <translation>Nothing is ever sent over the network.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="269" />
        <source>Set up and supervise co-worked children's social care cases, offline.</source>
        <translation>Set up and supervise co-worked children's social care cases, offline.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="273" />
        <source>Database: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="296" />
        <source>The co-working &amp;protocol</source>
        <translation>The co-working &amp;protocol</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="301" />
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="303" />
        <source>&amp;Where is my data?</source>
        <translation>&amp;Where is my data?</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="305" />
        <source>&amp;About cowork-desktop</source>
        <translation>&amp;About cowork-desktop</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="329" />
        <source>The protocol gives no guidance for this question.</source>
        <translation>The protocol gives no guidance for this question.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="355" />
        <source>The protocol's guidance for this question (F1)</source>
        <translation>The protocol's guidance for this question (F1)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/help.py" line="356" />
        <source>Guidance for: %1</source>
        <translation>Guidance for: %1</translation>
    </message>
</context>
<context>
    <name>InsightsViews</name>
    <message>
        <location filename="../../cowork_desktop/ui/insights_views.py" line="184" />
        <source>Export calendar</source>
        <translation>Export calendar</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/insights_views.py" line="186" />
        <source>iCalendar files (*.ics);;All files (*)</source>
        <translation>iCalendar files (*.ics);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/insights_views.py" line="197" />
        <source>Cannot export the calendar</source>
        <translation>Cannot export the calendar</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/insights_views.py" line="202" />
        <source>Calendar exported</source>
        <translation>Calendar exported</translation>
    </message>
</context>
<context>
    <name>LadderTrend</name>
    <message>
        <location filename="../../cowork_desktop/ui/charts.py" line="432" />
        <source>Partnership over time</source>
        <translation>Partnership over time</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <location filename="../../cowork_desktop/ui/security.py" line="275" />
        <source>cowork-desktop is locked</source>
        <translation>cowork-desktop is locked</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/security.py" line="284" />
        <source>&amp;Unlock</source>
        <translation>&amp;Unlock</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="138" />
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="153" />
        <source>DEMO DATA — every case and person here is fictional. Use File ▸ Open database… for real work.</source>
        <translation>DEMO DATA — every case and person here is fictional. Use File ▸ Open database… for real work.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="195" />
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="197" />
        <source>&amp;Open database…</source>
        <translation>&amp;Open database…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="201" />
        <source>&amp;Back up now</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="202" />
        <source>&amp;Restore…</source>
        <translation>&amp;Restore…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="204" />
        <source>Change &amp;passphrase…</source>
        <translation>Change &amp;passphrase…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="206" />
        <source>&amp;Lock now</source>
        <translation>&amp;Lock now</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="210" />
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="214" />
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="217" />
        <source>&amp;Cases</source>
        <translation>&amp;Cases</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="218" />
        <source>&amp;New case…</source>
        <translation>&amp;New case…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="219" />
        <source>New &amp;co-allocation…</source>
        <translation>New &amp;co-allocation…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="223" />
        <source>&amp;Workers</source>
        <translation>&amp;Workers</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="224" />
        <source>&amp;New worker…</source>
        <translation>&amp;New worker…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="227" />
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="231" />
        <source>Go to %1</source>
        <translation>Go to %1</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="238" />
        <source>&amp;High contrast</source>
        <translation>&amp;High contrast</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="243" />
        <source>&amp;Larger text</source>
        <translation>&amp;Larger text</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="249" />
        <source>&amp;Normal (100%)</source>
        <translation>&amp;Normal (100%)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="249" />
        <source>&amp;Larger (125%)</source>
        <translation>&amp;Larger (125%)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="249" />
        <source>L&amp;argest (150%)</source>
        <translation>L&amp;argest (150%)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="270" />
        <source>&amp;Tools</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="271" />
        <source>&amp;Verify a signed PDF…</source>
        <translation>&amp;Verify a signed PDF…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="274" />
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="349" />
        <source>Cannot open the case</source>
        <translation>Cannot open the case</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="358" />
        <source>Cannot open the worker</source>
        <translation>Cannot open the worker</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="377" />
        <location filename="../../cowork_desktop/ui/main_window.py" line="389" />
        <source>Meeting wizard</source>
        <translation>Meeting wizard</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="382" />
        <source>Cannot open the meeting</source>
        <translation>Cannot open the meeting</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="394" />
        <source>Cannot open the record</source>
        <translation>Cannot open the record</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="441" />
        <location filename="../../cowork_desktop/ui/main_window.py" line="448" />
        <source>Demo data</source>
        <translation>Demo data</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="441" />
        <source>Demo data is not available in this build.</source>
        <translation>Demo data is not available in this build.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="457" />
        <source>Open or create a database</source>
        <translation>Open or create a database</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="459" />
        <source>cowork databases (*.db);;All files (*)</source>
        <translation>cowork databases (*.db);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="473" />
        <location filename="../../cowork_desktop/ui/main_window.py" line="479" />
        <source>Cannot open the database</source>
        <translation>Cannot open the database</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="579" />
        <source>About cowork-desktop</source>
        <translation>About cowork-desktop</translation>
    </message>
</context>
<context>
    <name>MeetingWizard</name>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/wizard.py" line="92" />
        <source>Save and close</source>
        <extracomment>top-level windows opened without a parent are kept here until they close (Python would collect them)</extracomment>
        <translation>Save and close</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/wizard.py" line="93" />
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/wizard.py" line="94" />
        <location filename="../../cowork_desktop/ui/wizard/wizard.py" line="249" />
        <source>Next</source>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/wizard.py" line="249" />
        <source>Ready to sign</source>
        <translation>Ready to sign</translation>
    </message>
</context>
<context>
    <name>NewDatabaseDialog</name>
    <message>
        <location filename="../../cowork_desktop/ui/security.py" line="143" />
        <source>A new database</source>
        <translation>A new database</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/security.py" line="153" />
        <source>Protect this database with a passphrase (recommended)</source>
        <translation>Protect this database with a passphrase (recommended)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/security.py" line="155" />
        <source>No encryption</source>
        <translation>No encryption</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/security.py" line="166" />
        <source>There is no way to recover a forgotten passphrase: keep it where your team keeps such things.</source>
        <translation>There is no way to recover a forgotten passphrase: keep it where your team keeps such things.</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <location filename="../../cowork_desktop/ui/security.py" line="88" />
        <source>Passphrase</source>
        <translation>Passphrase</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <location filename="../../cowork_desktop/ui/pdf_preview.py" line="122" />
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
        <location filename="../../cowork_desktop/ui/plan_print.py" line="154" />
        <source>Print agreed plan</source>
        <translation>Print agreed plan</translation>
    </message>
</context>
<context>
    <name>PlanPrintDialog</name>
    <message>
        <location filename="../../cowork_desktop/ui/plan_print.py" line="173" />
        <source>Agreed plan preview</source>
        <translation>Agreed plan preview</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/plan_print.py" line="184" />
        <source>Print...</source>
        <translation>Print...</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/plan_print.py" line="186" />
        <source>Save as PDF...</source>
        <translation>Save as PDF...</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/plan_print.py" line="188" />
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/plan_print.py" line="202" />
        <source>Sent to the printer.</source>
        <translation>Sent to the printer.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/plan_print.py" line="208" />
        <source>Save agreed plan as PDF</source>
        <translation>Save agreed plan as PDF</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/plan_print.py" line="210" />
        <source>PDF files (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
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
    <name>QuestionRow</name>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="112" />
        <source>Urgent: this must be addressed now.</source>
        <translation>Urgent: this must be addressed now.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="115" />
        <source>After signing this record you can start the issue-resolution MDR straight away.</source>
        <translation>After signing this record you can start the issue-resolution MDR straight away.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="117" />
        <source>Next step:</source>
        <translation>Next step:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="120" />
        <source>Urgent</source>
        <translation>Urgent</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="120" />
        <source>Next step</source>
        <translation>Next step</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="129" />
        <source>Problem:</source>
        <translation>Problem:</translation>
    </message>
</context>
<context>
    <name>RecordView</name>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/record_view.py" line="114" />
        <source>The record</source>
        <translation>The record</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/record_view.py" line="117" />
        <source>Amend...</source>
        <translation>Amend...</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/record_view.py" line="120" />
        <source>Correct this signed record: a new version is made, and this one stays readable.</source>
        <translation>Correct this signed record: a new version is made, and this one stays readable.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/record_view.py" line="122" />
        <source>Print agreed plan...</source>
        <translation>Print agreed plan...</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/record_view.py" line="124" />
        <location filename="../../cowork_desktop/ui/wizard/record_view.py" line="176" />
        <source>Export signed PDF...</source>
        <translation>Export signed PDF...</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/record_view.py" line="126" />
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/record_view.py" line="176" />
        <source>Print draft PDF...</source>
        <translation>Print draft PDF...</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/record_view.py" line="179" />
        <source>Save this record as a case-note PDF signed with your certificate, for the child's file.</source>
        <translation>Save this record as a case-note PDF signed with your certificate, for the child's file.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/record_view.py" line="181" />
        <source>Save this record as an unsigned PDF marked DRAFT.</source>
        <translation>Save this record as an unsigned PDF marked DRAFT.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/record_view.py" line="236" />
        <location filename="../../cowork_desktop/ui/wizard/record_view.py" line="239" />
        <source>Cannot amend</source>
        <translation>Cannot amend</translation>
    </message>
</context>
<context>
    <name>RecurrenceAnswer</name>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/questions.py" line="419" />
        <source>Every</source>
        <translation>Every</translation>
    </message>
</context>
<context>
    <name>ResponsibilitiesAnswer</name>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/questions.py" line="473" />
        <source>Quick fill:</source>
        <translation>Quick fill:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/questions.py" line="488" />
        <source>Task</source>
        <translation>Task</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/questions.py" line="495" />
        <source>Joint</source>
        <translation>Joint</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/questions.py" line="511" />
        <source>leads</source>
        <translation>leads</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/questions.py" line="517" />
        <source>joint</source>
        <translation>joint</translation>
    </message>
</context>
<context>
    <name>Security</name>
    <message>
        <location filename="../../cowork_desktop/ui/security.py" line="131" />
        <source>Wrong passphrase</source>
        <translation>Wrong passphrase</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/security.py" line="367" />
        <location filename="../../cowork_desktop/ui/security.py" line="371" />
        <source>Back up now</source>
        <translation>Back up now</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/security.py" line="383" />
        <location filename="../../cowork_desktop/ui/security.py" line="392" />
        <location filename="../../cowork_desktop/ui/security.py" line="410" />
        <location filename="../../cowork_desktop/ui/security.py" line="420" />
        <location filename="../../cowork_desktop/ui/security.py" line="428" />
        <source>Restore a backup</source>
        <translation>Restore a backup</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/security.py" line="385" />
        <source>cowork backups (*.db);;All files (*)</source>
        <translation>cowork backups (*.db);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/security.py" line="439" />
        <source>Change passphrase</source>
        <translation>Change passphrase</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/security.py" line="440" />
        <source>This database is not encrypted, so it has no passphrase to change.</source>
        <translation>This database is not encrypted, so it has no passphrase to change.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="111" />
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="131" />
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="146" />
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="205" />
        <source>Choose: %1</source>
        <translation>Choose: %1</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="213" />
        <source>&amp;General</source>
        <translation>&amp;General</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="215" />
        <source>Who you are, as it appears on every case note, and the working-days rule for deadlines.</source>
        <translation>Who you are, as it appears on every case note, and the working-days rule for deadlines.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="218" />
        <source>Your &amp;name:</source>
        <translation>Your &amp;name:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="218" />
        <source>As it appears on signed case notes.</source>
        <translation>As it appears on signed case notes.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="219" />
        <source>&amp;Team:</source>
        <translation>&amp;Team:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="219" />
        <source>e.g. Assessment Team 2</source>
        <translation>e.g. Assessment Team 2</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="220" />
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="220" />
        <source>Printed at the top of every PDF.</source>
        <translation>Printed at the top of every PDF.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="227" />
        <source>&amp;Bank holidays of:</source>
        <translation>&amp;Bank holidays of:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="229" />
        <source>Working-day deadlines skip weekends and these bank holidays.</source>
        <translation>Working-day deadlines skip weekends and these bank holidays.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="235" />
        <source>&amp;Initial meeting within:</source>
        <translation>&amp;Initial meeting within:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="236" />
        <source>Working days after the co-allocation (1 to 30; the protocol's usual is 5).</source>
        <translation>Working days after the co-allocation (1 to 30; the protocol's usual is 5).</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="242" />
        <source>&amp;Records &amp;&amp; PDFs</source>
        <translation>&amp;Records &amp;&amp; PDFs</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="243" />
        <source>What is printed on the case notes, which forms the meetings use, and your certificate.</source>
        <translation>What is printed on the case notes, which forms the meetings use, and your certificate.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="252" />
        <source>Protective &amp;marking:</source>
        <translation>Protective &amp;marking:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="254" />
        <source>OFFICIAL, OFFICIAL-SENSITIVE, or your organisation's own (up to 40 characters).</source>
        <translation>OFFICIAL, OFFICIAL-SENSITIVE, or your organisation's own (up to 40 characters).</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="260" />
        <source>&amp;Logo:</source>
        <translation>&amp;Logo:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="261" />
        <source>A PNG or JPEG under 1 MB, for the PDFs. Leave empty for none.</source>
        <translation>A PNG or JPEG under 1 MB, for the PDFs. Leave empty for none.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="267" />
        <source>&amp;Forms folder:</source>
        <translation>&amp;Forms folder:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="268" />
        <source>Your team's own forms. Leave empty for the protocol's forms shipped with the app.</source>
        <translation>Your team's own forms. Leave empty for the protocol's forms shipped with the app.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="269" />
        <source>Choose the forms folder</source>
        <translation>Choose the forms folder</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="270" />
        <source>The forms shipped with the app</source>
        <translation>The forms shipped with the app</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="279" />
        <source>&amp;Set up…</source>
        <translation>&amp;Set up…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="281" />
        <source>Set up your signing certificate</source>
        <translation>Set up your signing certificate</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="285" />
        <source>Signing &amp;certificate:</source>
        <translation>Signing &amp;certificate:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="291" />
        <source>&amp;Data &amp;&amp; backups</source>
        <translation>&amp;Data &amp;&amp; backups</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="292" />
        <source>Where your records are, and how many backups are kept.</source>
        <translation>Where your records are, and how many backups are kept.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="298" />
        <source>Database:</source>
        <translation>Database:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="304" />
        <source>&amp;Backup folder:</source>
        <translation>&amp;Backup folder:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="305" />
        <source>A folder of your own, ideally on another disk. Leave empty for the default.</source>
        <translation>A folder of your own, ideally on another disk. Leave empty for the default.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="306" />
        <source>Choose the backup folder</source>
        <translation>Choose the backup folder</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="309" />
        <source>Keep &amp;daily backups for:</source>
        <translation>Keep &amp;daily backups for:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="309" />
        <source>Days (0 to 365).</source>
        <translation>Days (0 to 365).</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="311" />
        <source>Keep &amp;weekly backups for:</source>
        <translation>Keep &amp;weekly backups for:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="311" />
        <source>Weeks (0 to 520).</source>
        <translation>Weeks (0 to 520).</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="316" />
        <source>&amp;Retention:</source>
        <translation>&amp;Retention:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="317" />
        <source>Months after the last export before ended co-allocations may be purged; empty: off.</source>
        <translation>Months after the last export before ended co-allocations may be purged; empty: off.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="318" />
        <source>Off</source>
        <translation>Off</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="324" />
        <source>&amp;Appearance</source>
        <translation>&amp;Appearance</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="325" />
        <source>How the app looks on this computer. Changes show at once when you save.</source>
        <translation>How the app looks on this computer. Changes show at once when you save.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="330" />
        <source>Follow the system (light or dark)</source>
        <translation>Follow the system (light or dark)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="331" />
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="332" />
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="335" />
        <source>&amp;Theme:</source>
        <translation>&amp;Theme:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="337" />
        <source>&amp;High contrast (black, white and yellow)</source>
        <translation>&amp;High contrast (black, white and yellow)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="339" />
        <source>Contrast:</source>
        <translation>Contrast:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="345" />
        <source>Normal (100%)</source>
        <translation>Normal (100%)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="345" />
        <source>Larger (125%)</source>
        <translation>Larger (125%)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="345" />
        <source>Largest (150%)</source>
        <translation>Largest (150%)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="349" />
        <source>Te&amp;xt size:</source>
        <translation>Te&amp;xt size:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="353" />
        <source>S&amp;ecurity</source>
        <translation>S&amp;ecurity</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="353" />
        <source>Encryption and the idle lock.</source>
        <translation>Encryption and the idle lock.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="356" />
        <source>Encrypted with your passphrase. File ▸ Change passphrase… changes it.</source>
        <translation>Encrypted with your passphrase. File ▸ Change passphrase… changes it.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="359" />
        <source>Not encrypted. An encrypted database is offered when the app first creates one; keep the computer's disk encryption on.</source>
        <translation>Not encrypted. An encrypted database is offered when the app first creates one; keep the computer's disk encryption on.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="365" />
        <source>Encryption:</source>
        <translation>Encryption:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="369" />
        <source>&amp;Lock after:</source>
        <translation>&amp;Lock after:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="370" />
        <source>Minutes without use before the app hides everything (1 to 240; encrypted databases).</source>
        <translation>Minutes without use before the app hides everything (1 to 240; encrypted databases).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="423" />
        <source>Nothing was saved: %n setting(s) need attention (shown in red).</source>
        <translation>
            <numerusform>Nothing was saved: %n setting(s) need attention (shown in red).</numerusform>
            <numerusform>Nothing was saved: %n setting(s) need attention (shown in red).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="440" />
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="455" />
        <source>Choose the logo</source>
        <translation>Choose the logo</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="455" />
        <source>Pictures (*.png *.jpg *.jpeg)</source>
        <translation>Pictures (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="471" />
        <source>Set up: %1</source>
        <translation>Set up: %1</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="474" />
        <source>Not set up yet. You need one to sign case notes.</source>
        <translation>Not set up yet. You need one to sign case notes.</translation>
    </message>
</context>
<context>
    <name>SignOffPage</name>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="373" />
        <source>Signatures</source>
        <translation>Signatures</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="379" />
        <source>Each co-worker who took part signs, then the manager signs last. Sign by drawing in the box, or type the name instead and tick the statement. Signing locks the record: a later correction is made as an amendment. Going back to change an answer clears the signatures collected so far.</source>
        <translation>Each co-worker who took part signs, then the manager signs last. Sign by drawing in the box, or type the name instead and tick the statement. Signing locks the record: a later correction is made as an amendment. Going back to change an answer clears the signatures collected so far.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="398" />
        <source>Clear drawing</source>
        <translation>Clear drawing</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="412" />
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="414" />
        <source>I agree this is an accurate record</source>
        <translation>I agree this is an accurate record</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="417" />
        <source>Signature: problem</source>
        <translation>Signature: problem</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="419" />
        <source>Sign</source>
        <translation>Sign</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="455" />
        <source>Signed: %1 (%2)</source>
        <translation>Signed: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="457" />
        <source>To sign: %1</source>
        <translation>To sign: %1</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="461" />
        <source>Signed: the manager</source>
        <translation>Signed: the manager</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="461" />
        <source>To sign last: the manager</source>
        <translation>To sign last: the manager</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="469" />
        <source>Signed and locked</source>
        <translation>Signed and locked</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="477" />
        <source>Now signing: %1, %2</source>
        <translation>Now signing: %1, %2</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="480" />
        <source>Or type your full name to sign (%1):</source>
        <translation>Or type your full name to sign (%1):</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="483" />
        <source>Typed signature of %1</source>
        <translation>Typed signature of %1</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="484" />
        <source>Sign as %1</source>
        <translation>Sign as %1</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="488" />
        <source>Now signing: the manager (last)</source>
        <translation>Now signing: the manager (last)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="490" />
        <source>Manager's full name (typed signature, or the name under a drawn one):</source>
        <translation>Manager's full name (typed signature, or the name under a drawn one):</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="493" />
        <source>Manager's name</source>
        <translation>Manager's name</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="494" />
        <source>Sign as manager and lock the record</source>
        <translation>Sign as manager and lock the record</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="497" />
        <source>To sign without drawing, type the name here and tick the statement.</source>
        <translation>To sign without drawing, type the name here and tick the statement.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="508" />
        <source>Tick "I agree this is an accurate record" to sign.</source>
        <translation>Tick "I agree this is an accurate record" to sign.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="511" />
        <source>Type the manager's name.</source>
        <translation>Type the manager's name.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="514" />
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
        <location filename="../../cowork_desktop/ui/first_run.py" line="304" />
        <source>How would you like to start?</source>
        <translation>How would you like to start?</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="307" />
        <source>&amp;Start with my real work</source>
        <translation>&amp;Start with my real work</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="309" />
        <source>&amp;Look around with fictional demo data first</source>
        <translation>&amp;Look around with fictional demo data first</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="319" />
        <source>Next: add the two co-workers (Workers ▸ New worker…), the case (Cases ▸ New case…), then co-allocate it; the case page starts the initial meeting.</source>
        <translation>Next: add the two co-workers (Workers ▸ New worker…), the case (Cases ▸ New case…), then co-allocate it; the case page starts the initial meeting.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="328" />
        <source>Opens a separate demo database of fictional cases in every state, marked DEMO DATA in the window title and on every PDF. Your own database stays empty; File ▸ Open database… brings you back to it.</source>
        <translation>Opens a separate demo database of fictional cases in every state, marked DEMO DATA in the window title and on every PDF. Your own database stays empty; File ▸ Open database… brings you back to it.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="334" />
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="262" />
        <source>Case %1</source>
        <translation>Case %1</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="267" />
        <source>Co-workers: %1</source>
        <translation>Co-workers: %1</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="286" />
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="293" />
        <source>Date of the meeting</source>
        <translation>Date of the meeting</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="289" />
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="295" />
        <source>The day the meeting took place. It cannot be in the future.</source>
        <translation>The day the meeting took place. It cannot be in the future.</translation>
    </message>
</context>
<context>
    <name>TeamView</name>
    <message>
        <location filename="../../cowork_desktop/ui/insights_views.py" line="555" />
        <source>Team view: drifting into parallel working</source>
        <translation>Team view: drifting into parallel working</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/insights_views.py" line="560" />
        <source>Export calendar (.ics)…</source>
        <translation>Export calendar (.ics)…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/insights_views.py" line="562" />
        <source>Export calendar for the team</source>
        <translation>Export calendar for the team</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/insights_views.py" line="563" />
        <source>Every active co-allocation's next review, agreed discussions and joint supervision.</source>
        <translation>Every active co-allocation's next review, agreed discussions and joint supervision.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/insights_views.py" line="597" />
        <source>Promises kept per worker</source>
        <translation>Promises kept per worker</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="59" />
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="74" />
        <source>Verify a signed PDF</source>
        <translation>Verify a signed PDF</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="78" />
        <source>Choose a case note exported from cowork-desktop, or drop it on this window, to see who signed it, when, and whether it is exactly the record kept in this database.</source>
        <translation>Choose a case note exported from cowork-desktop, or drop it on this window, to see who signed it, when, and whether it is exactly the record kept in this database.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="84" />
        <source>&amp;Choose a PDF…</source>
        <translation>&amp;Choose a PDF…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="91" />
        <source>No file chosen yet.</source>
        <translation>No file chosen yet.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="128" />
        <source>Close</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="139" />
        <source>Choose a signed PDF to verify</source>
        <translation>Choose a signed PDF to verify</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/verify_dialog.py" line="139" />
        <source>PDF files (*.pdf);;All files (*)</source>
        <translation>PDF files (*.pdf);;All files (*)</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="71" />
        <source>Welcome to cowork-desktop</source>
        <translation>Welcome to cowork-desktop</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="76" />
        <source>cowork-desktop helps you set up co-worked cases the way the co-working protocol asks: it leads you through the initial meeting with both co-workers, the reviews and the reflective discussions, and keeps track of what is due. It produces the signed MDR for the child's file, and everything stays on this computer.</source>
        <translation>cowork-desktop helps you set up co-worked cases the way the co-working protocol asks: it leads you through the initial meeting with both co-workers, the reviews and the reflective discussions, and keeps track of what is due. It produces the signed MDR for the child's file, and everything stays on this computer.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="88" />
        <source>This takes about two minutes: who you are, where your data is, your signing certificate, and whether to look around with demo data first. You can change all of it later in Edit ▸ Settings…. Press F1 at any time for help.</source>
        <translation>This takes about two minutes: who you are, where your data is, your signing certificate, and whether to look around with demo data first. You can change all of it later in Edit ▸ Settings…. Press F1 at any time for help.</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="70" />
        <source>Welcome to cowork-desktop</source>
        <translation>Welcome to cowork-desktop</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="74" />
        <source>Set up co-worked cases, record the initial meeting with both co-workers, and keep reviews, reflective discussions and agreed actions on track. Everything stays on this computer.</source>
        <translation>Set up co-worked cases, record the initial meeting with both co-workers, and keep reviews, reflective discussions and agreed actions on track. Everything stays on this computer.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="82" />
        <source>This database is empty. Start by adding the workers in your team, or look around with demo data first (fictional cases and people, clearly marked DEMO DATA).</source>
        <translation>This database is empty. Start by adding the workers in your team, or look around with demo data first (fictional cases and people, clearly marked DEMO DATA).</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="91" />
        <source>&amp;Add a worker…</source>
        <translation>&amp;Add a worker…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="91" />
        <source>Add a worker</source>
        <translation>Add a worker</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="94" />
        <source>Load &amp;demo data</source>
        <translation>Load &amp;demo data</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="96" />
        <source>Load demo data</source>
        <translation>Load demo data</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="97" />
        <source>Adds fictional cases and workers so you can try every screen.</source>
        <translation>Adds fictional cases and workers so you can try every screen.</translation>
    </message>
</context>
<context>
    <name>Wizard</name>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="329" />
        <source>The arrangement agreed last time</source>
        <translation>The arrangement agreed last time</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/pages.py" line="340" />
        <source>Who does what:</source>
        <translation>Who does what:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/style.py" line="111" />
        <source>(required)</source>
        <translation>(required)</translation>
    </message>
</context>
<context>
    <name>WorkerAnswer</name>
    <message>
        <location filename="../../cowork_desktop/ui/wizard/questions.py" line="365" />
        <source>Choose a co-worker...</source>
        <translation>Choose a co-worker...</translation>
    </message>
</context>
<context>
    <name>WorkerDialog</name>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="166" />
        <source>Edit worker</source>
        <translation>Edit worker</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="168" />
        <source>Add a worker</source>
        <translation>Add a worker</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="176" />
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="177" />
        <source>Choose a role</source>
        <translation>Choose a role</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="182" />
        <source>e.g. Assessment Team 2</source>
        <translation>e.g. Assessment Team 2</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="183" />
        <source>Active (can be chosen for new co-allocations)</source>
        <translation>Active (can be chosen for new co-allocations)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="185" />
        <source>Active</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="188" />
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="189" />
        <source>&amp;Role:</source>
        <translation>&amp;Role:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="190" />
        <source>&amp;Team:</source>
        <translation>&amp;Team:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="191" />
        <source>Stat&amp;us:</source>
        <translation>Stat&amp;us:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="209" />
        <source>Choose a role.</source>
        <translation>Choose a role.</translation>
    </message>
</context>
<context>
    <name>WorkerPage</name>
    <message>
        <location filename="../../cowork_desktop/ui/worker_page.py" line="84" />
        <source>← All workers</source>
        <translation>← All workers</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/worker_page.py" line="84" />
        <source>Back to all workers</source>
        <translation>Back to all workers</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/worker_page.py" line="91" />
        <source>E&amp;xport development log…</source>
        <translation>E&amp;xport development log…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/worker_page.py" line="93" />
        <location filename="../../cowork_desktop/ui/worker_page.py" line="240" />
        <source>Export development log</source>
        <translation>Export development log</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/worker_page.py" line="94" />
        <source>A PDF of the learning by PCF domain, for an ASYE or placement portfolio.</source>
        <translation>A PDF of the learning by PCF domain, for an ASYE or placement portfolio.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/worker_page.py" line="109" />
        <source>Development log</source>
        <translation>Development log</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/worker_page.py" line="116" />
        <source>Learning recorded in signed records of co-worked cases, linked to the Professional Capabilities Framework by keywords (or by a [PCF: …] tag in the entry). Cases are named by reference; children's initials are removed.</source>
        <translation>Learning recorded in signed records of co-worked cases, linked to the Professional Capabilities Framework by keywords (or by a [PCF: …] tag in the entry). Cases are named by reference; children's initials are removed.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/worker_page.py" line="126" />
        <source>By PCF &amp;domain</source>
        <translation>By PCF &amp;domain</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/worker_page.py" line="127" />
        <source>Over t&amp;ime</source>
        <translation>Over t&amp;ime</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/worker_page.py" line="242" />
        <source>PDF files (*.pdf);;All files (*)</source>
        <translation>PDF files (*.pdf);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/worker_page.py" line="252" />
        <source>Cannot export the development log</source>
        <translation>Cannot export the development log</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/worker_page.py" line="256" />
        <source>Development log exported</source>
        <translation>Development log exported</translation>
    </message>
</context>
<context>
    <name>WorkersPage</name>
    <message>
        <location filename="../../cowork_desktop/ui/workers.py" line="71" />
        <location filename="../../cowork_desktop/ui/workers.py" line="92" />
        <source>Workers</source>
        <translation>Workers</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/workers.py" line="73" />
        <source>&amp;Add worker…</source>
        <translation>&amp;Add worker…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/workers.py" line="73" />
        <source>Add worker</source>
        <translation>Add worker</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/workers.py" line="74" />
        <source>&amp;Edit worker…</source>
        <translation>&amp;Edit worker…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/workers.py" line="74" />
        <source>Edit worker</source>
        <translation>Edit worker</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/workers.py" line="76" />
        <source>&amp;Open</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/workers.py" line="78" />
        <source>Open worker</source>
        <translation>Open worker</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/workers.py" line="79" />
        <source>The worker's details and development log.</source>
        <translation>The worker's details and development log.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/workers.py" line="111" />
        <source>Workers who have left stay here (their records keep their names): mark them inactive so they are not offered for new co-allocations.</source>
        <translation>Workers who have left stay here (their records keep their names): mark them inactive so they are not offered for new co-allocations.</translation>
    </message>
</context>
<context>
    <name>YouPage</name>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="101" />
        <source>About you</source>
        <translation>About you</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="102" />
        <source>These appear on every case note you sign.</source>
        <translation>These appear on every case note you sign.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="111" />
        <source>e.g. Assessment Team 2</source>
        <translation>e.g. Assessment Team 2</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="126" />
        <source>Your &amp;name:</source>
        <translation>Your &amp;name:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="126" />
        <source>As you sign records.</source>
        <translation>As you sign records.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="128" />
        <source>&amp;Team:</source>
        <translation>&amp;Team:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="129" />
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="132" />
        <source>Protective &amp;marking:</source>
        <translation>Protective &amp;marking:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="134" />
        <source>Printed on every page. OFFICIAL-SENSITIVE is usual for children's records.</source>
        <translation>Printed on every page. OFFICIAL-SENSITIVE is usual for children's records.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="138" />
        <source>&amp;Bank holidays of:</source>
        <translation>&amp;Bank holidays of:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/first_run.py" line="140" />
        <source>Deadlines count working days, skipping these bank holidays.</source>
        <translation>Deadlines count working days, skipping these bank holidays.</translation>
    </message>
</context>
<context>
    <name>_FormDialog</name>
    <message>
        <location filename="../../cowork_desktop/ui/dialogs.py" line="79" />
        <source>Problem</source>
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
</TS>