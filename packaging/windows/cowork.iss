; Inno Setup 6 script: a per-user installer (no administrator rights) for the one-folder PyInstaller build.
;
; Build on Windows, from the repository root, in PowerShell (Python 3.11 x64 and Inno Setup 6 installed):
;
;   py -3.11 -m venv .venv
;   .venv\Scripts\python -m pip install -e ".[package]"
;   $env:COWORK_NOTO_DIR = "C:\path\to\noto"     # NotoSans-*.ttf and NotoNaskhArabic-*.ttf (see docs/packaging.md)
;   .venv\Scripts\python -m PyInstaller --noconfirm --clean --distpath dist --workpath build\pyinstaller packaging\cowork.spec
;   $version = .venv\Scripts\python -c "import cowork_desktop; print(cowork_desktop.__version__)"
;   & "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" /DAppVersion=$version packaging\windows\cowork.iss
;
; The installer is written to dist\installer\cowork-desktop-<version>-setup.exe. Sign it (and, before running
; ISCC, dist\cowork-desktop\*.exe) with the organisation's code-signing certificate, e.g.
;   signtool sign /fd SHA256 /tr http://timestamp.digicert.com /td SHA256 /a dist\installer\cowork-desktop-*-setup.exe
;
; The version is never written here: it comes from cowork_desktop/__init__.py through /DAppVersion=...

#ifndef AppVersion
  #error Pass the version: ISCC.exe /DAppVersion=<cowork_desktop.__version__> packaging\windows\cowork.iss
#endif

#define AppName "cowork-desktop"
#define AppPublisher "cowork"
#define AppExe "cowork-desktop.exe"
; this script lives in packaging\windows; the repository root is two folders up
#define Root AddBackslash(SourcePath) + "..\.."

[Setup]
; a fixed GUID: never change it, or upgrades install side by side
AppId={{6F0C2B7E-3C1A-4E0B-9F4B-2D6B8A7C5E10}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
VersionInfoVersion={#AppVersion}
; per-user: installs under %LOCALAPPDATA%\Programs, no UAC prompt; an administrator may still choose all users
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
SetupIconFile={#Root}\resources\icons\cowork.ico
OutputDir={#Root}\dist\installer
OutputBaseFilename={#AppName}-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Languages\English.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; the whole PyInstaller folder: cowork-desktop.exe (windowed), cowork.exe (console) and _internal\
Source: "{#Root}\dist\cowork-desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "{#Root}\resources\icons\cowork.ico"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; IconFilename: "{app}\cowork.ico"; Comment: "Co-worked cases, offline"
Name: "{group}\Uninstall {#AppName}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; IconFilename: "{app}\cowork.ico"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; only what the installer put there: the user's database and certificate live in %LOCALAPPDATA%\cowork\cowork-desktop and are kept
Type: filesandordirs; Name: "{app}\_internal"
