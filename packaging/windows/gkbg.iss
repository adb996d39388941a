; Inno Setup 6 script: the Windows installer of dist\gkbg (made on Windows by `python packaging\build.py`).
; Compile from the repository root (version from model\version.py, see packaging\README.md):
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.2.0 packaging\windows\gkbg.iss
; Result: dist\gkbg-<version>-setup.exe. It installs for the current user without administrator rights (or for
; all users when run as administrator), adds a 开始菜单 entry, optionally a desktop icon, and registers drafts
; (*.gkbg.json) with the program (see "File association" in packaging\README.md).

#ifndef AppVersion
  #error Pass the version: ISCC /DAppVersion=x.y.z packaging\windows\gkbg.iss
#endif
#define AppName "政府信息公开工作年度报告填报助手"
#define AppExe "gkbgw.exe"
#define ProgId "gkbg.Draft"

[Setup]
; AppId identifies the installation for upgrades and uninstalling: never change it
AppId={{6B1C2F6E-3E1A-4C53-9C43-2A9F0D7B5E11}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=gkbg
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\gkbg
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
OutputDir=..\..\dist
OutputBaseFilename=gkbg-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\gkbg.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
; ChineseSimplified.isl: see packaging\README.md if your Inno Setup has no Languages\ChineseSimplified.isl
Name: "chs"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "在桌面创建快捷方式"; GroupDescription: "快捷方式："

[InstallDelete]
; an upgrade replaces the whole program folder: no file of an older version may linger
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\..\dist\gkbg\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "填报、检查、打印和导出政府信息公开工作年度报告"
Name: "{group}\卸载{#AppName}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; the draft file type (a ProgID) and how to open it
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "政府信息公开工作年度报告草稿"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
; Explorer associates by the last extension only (.json of *.gkbg.json): the program joins the 打开方式 list of
; .json files, without taking .json away from the program that opens it now
Root: HKA; Subkey: "Software\Classes\.json\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".json"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""

[Run]
Filename: "{app}\{#AppExe}"; Description: "立即启动{#AppName}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; only the program folder: drafts, settings (registry HKCU\Software\gkbg) and recovery copies (%APPDATA%) stay
Type: filesandordirs; Name: "{app}\_internal"
