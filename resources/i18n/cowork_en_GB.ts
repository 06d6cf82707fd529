<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
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
    <name>MainWindow</name>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="186" />
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="188" />
        <source>&amp;Open database…</source>
        <translation>&amp;Open database…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="192" />
        <source>&amp;Back up now</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="193" />
        <source>&amp;Restore…</source>
        <translation>&amp;Restore…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="195" />
        <source>Change &amp;passphrase…</source>
        <translation>Change &amp;passphrase…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="197" />
        <source>&amp;Lock now</source>
        <translation>&amp;Lock now</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="201" />
        <source>&amp;Settings…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="205" />
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="208" />
        <source>&amp;Cases</source>
        <translation>&amp;Cases</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="209" />
        <source>&amp;New case…</source>
        <translation>&amp;New case…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="210" />
        <source>New &amp;co-allocation…</source>
        <translation>New &amp;co-allocation…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="214" />
        <source>&amp;Workers</source>
        <translation>&amp;Workers</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="215" />
        <source>&amp;New worker…</source>
        <translation>&amp;New worker…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="218" />
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="222" />
        <source>Go to %1</source>
        <translation>Go to %1</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="229" />
        <source>&amp;High contrast</source>
        <translation>&amp;High contrast</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="234" />
        <source>&amp;Larger text</source>
        <translation>&amp;Larger text</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="240" />
        <source>&amp;Normal (100%)</source>
        <translation>&amp;Normal (100%)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="240" />
        <source>&amp;Larger (125%)</source>
        <translation>&amp;Larger (125%)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="240" />
        <source>L&amp;argest (150%)</source>
        <translation>L&amp;argest (150%)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="257" />
        <source>&amp;Tools</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="258" />
        <source>&amp;Verify a signed PDF…</source>
        <translation>&amp;Verify a signed PDF…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/main_window.py" line="261" />
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="112" />
        <source>&amp;Browse…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="132" />
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="147" />
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="206" />
        <source>Choose: %1</source>
        <translation>Choose: %1</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="214" />
        <source>&amp;General</source>
        <translation>&amp;General</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="216" />
        <source>Who you are, as it appears on every case note, and the working-days rule for deadlines.</source>
        <translation>Who you are, as it appears on every case note, and the working-days rule for deadlines.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="219" />
        <source>Your &amp;name:</source>
        <translation>Your &amp;name:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="219" />
        <source>As it appears on signed case notes.</source>
        <translation>As it appears on signed case notes.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="220" />
        <source>&amp;Team:</source>
        <translation>&amp;Team:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="220" />
        <source>e.g. Assessment Team 2</source>
        <translation>e.g. Assessment Team 2</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="221" />
        <source>&amp;Organisation:</source>
        <translation>&amp;Organisation:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="221" />
        <source>Printed at the top of every PDF.</source>
        <translation>Printed at the top of every PDF.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="228" />
        <source>&amp;Bank holidays of:</source>
        <translation>&amp;Bank holidays of:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="230" />
        <source>Working-day deadlines skip weekends and these bank holidays.</source>
        <translation>Working-day deadlines skip weekends and these bank holidays.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="236" />
        <source>&amp;Initial meeting within:</source>
        <translation>&amp;Initial meeting within:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="237" />
        <source>Working days after the co-allocation (1 to 30; the protocol's usual is 5).</source>
        <translation>Working days after the co-allocation (1 to 30; the protocol's usual is 5).</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="243" />
        <source>&amp;Records &amp;&amp; PDFs</source>
        <translation>&amp;Records &amp;&amp; PDFs</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="244" />
        <source>What is printed on the case notes, which forms the meetings use, and your certificate.</source>
        <translation>What is printed on the case notes, which forms the meetings use, and your certificate.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="253" />
        <source>Protective &amp;marking:</source>
        <translation>Protective &amp;marking:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="255" />
        <source>OFFICIAL, OFFICIAL-SENSITIVE, or your organisation's own (up to 40 characters).</source>
        <translation>OFFICIAL, OFFICIAL-SENSITIVE, or your organisation's own (up to 40 characters).</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="261" />
        <source>&amp;Logo:</source>
        <translation>&amp;Logo:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="262" />
        <source>A PNG or JPEG under 1 MB, for the PDFs. Leave empty for none.</source>
        <translation>A PNG or JPEG under 1 MB, for the PDFs. Leave empty for none.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="268" />
        <source>&amp;Forms folder:</source>
        <translation>&amp;Forms folder:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="269" />
        <source>Your team's own forms. Leave empty for the protocol's forms shipped with the app.</source>
        <translation>Your team's own forms. Leave empty for the protocol's forms shipped with the app.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="270" />
        <source>Choose the forms folder</source>
        <translation>Choose the forms folder</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="271" />
        <source>The forms shipped with the app</source>
        <translation>The forms shipped with the app</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="280" />
        <source>&amp;Set up…</source>
        <translation>&amp;Set up…</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="282" />
        <source>Set up your signing certificate</source>
        <translation>Set up your signing certificate</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="286" />
        <source>Signing &amp;certificate:</source>
        <translation>Signing &amp;certificate:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="292" />
        <source>&amp;Data &amp;&amp; backups</source>
        <translation>&amp;Data &amp;&amp; backups</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="293" />
        <source>Where your records are, and how many backups are kept.</source>
        <translation>Where your records are, and how many backups are kept.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="299" />
        <source>Database:</source>
        <translation>Database:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="305" />
        <source>&amp;Backup folder:</source>
        <translation>&amp;Backup folder:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="306" />
        <source>A folder of your own, ideally on another disk. Leave empty for the default.</source>
        <translation>A folder of your own, ideally on another disk. Leave empty for the default.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="307" />
        <source>Choose the backup folder</source>
        <translation>Choose the backup folder</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="310" />
        <source>Keep &amp;daily backups for:</source>
        <translation>Keep &amp;daily backups for:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="310" />
        <source>Days (0 to 365).</source>
        <translation>Days (0 to 365).</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="312" />
        <source>Keep &amp;weekly backups for:</source>
        <translation>Keep &amp;weekly backups for:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="312" />
        <source>Weeks (0 to 520).</source>
        <translation>Weeks (0 to 520).</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="317" />
        <source>&amp;Retention:</source>
        <translation>&amp;Retention:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="318" />
        <source>Months after the last export before ended co-allocations may be purged; empty: off.</source>
        <translation>Months after the last export before ended co-allocations may be purged; empty: off.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="319" />
        <source>Off</source>
        <translation>Off</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="325" />
        <source>&amp;Appearance</source>
        <translation>&amp;Appearance</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="326" />
        <source>How the app looks on this computer. Changes show at once when you save.</source>
        <translation>How the app looks on this computer. Changes show at once when you save.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="331" />
        <source>Follow the system (light or dark)</source>
        <translation>Follow the system (light or dark)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="332" />
        <source>Light</source>
        <translation>Light</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="333" />
        <source>Dark</source>
        <translation>Dark</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="336" />
        <source>&amp;Theme:</source>
        <translation>&amp;Theme:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="338" />
        <source>&amp;High contrast (black, white and yellow)</source>
        <translation>&amp;High contrast (black, white and yellow)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="340" />
        <source>Contrast:</source>
        <translation>Contrast:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="346" />
        <source>Normal (100%)</source>
        <translation>Normal (100%)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="346" />
        <source>Larger (125%)</source>
        <translation>Larger (125%)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="346" />
        <source>Largest (150%)</source>
        <translation>Largest (150%)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="350" />
        <source>Te&amp;xt size:</source>
        <translation>Te&amp;xt size:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="354" />
        <source>S&amp;ecurity</source>
        <translation>S&amp;ecurity</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="354" />
        <source>Encryption and the idle lock.</source>
        <translation>Encryption and the idle lock.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="357" />
        <source>Encrypted with your passphrase. File ▸ Change passphrase… changes it.</source>
        <translation>Encrypted with your passphrase. File ▸ Change passphrase… changes it.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="360" />
        <source>Not encrypted. An encrypted database is offered when the app first creates one; keep the computer's disk encryption on.</source>
        <translation>Not encrypted. An encrypted database is offered when the app first creates one; keep the computer's disk encryption on.</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="366" />
        <source>Encryption:</source>
        <translation>Encryption:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="370" />
        <source>&amp;Lock after:</source>
        <translation>&amp;Lock after:</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="371" />
        <source>Minutes without use before the app hides everything (1 to 240; encrypted databases).</source>
        <translation>Minutes without use before the app hides everything (1 to 240; encrypted databases).</translation>
    </message>
    <message numerus="yes">
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="424" />
        <source>Nothing was saved: %n setting(s) need attention (shown in red).</source>
        <translation>
            <numerusform>Nothing was saved: %n setting(s) need attention (shown in red).</numerusform>
            <numerusform>Nothing was saved: %n setting(s) need attention (shown in red).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="441" />
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="456" />
        <source>Choose the logo</source>
        <translation>Choose the logo</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="456" />
        <source>Pictures (*.png *.jpg *.jpeg)</source>
        <translation>Pictures (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="470" />
        <source>Set up: %1</source>
        <translation>Set up: %1</translation>
    </message>
    <message>
        <location filename="../../cowork_desktop/ui/settings_dialog.py" line="473" />
        <source>Not set up yet. You need one to sign case notes.</source>
        <translation>Not set up yet. You need one to sign case notes.</translation>
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
</TS>