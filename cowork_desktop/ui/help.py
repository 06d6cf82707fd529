"""Help where it is needed: the Help menu, F1 and the "?" buttons on the wizards' questions.

* :func:`add_help_menu` fills the main window's Help menu: "The co-working protocol" (F1; the plain-words text in
  ``resources/help/protocol.md``), "Keyboard shortcuts" (read from the window's own menus, so it never goes
  stale), "Where is my data?" (database, encryption, backups, certificate, settings) and "About".
* :func:`show_question_guidance` shows one question's guidance from the protocol as a pop-up next to it (the
  wizard's F1 and each question's "?" button); :func:`install_wizard_help` gives a wizard its F1: on a question
  its guidance, anywhere else the protocol.
* :func:`decorate_actions` puts the platform's standard icons on the main actions.

The help texts are data (Markdown under ``resources/help/``) so they can be edited without touching code.
"""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QPoint, QSettings, Qt, QTranslator
from PySide6.QtGui import QAction, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QMenu,
    QStyle,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWhatsThis,
    QWidget,
)

from cowork_desktop import __version__, paths

if TYPE_CHECKING:
    from cowork_desktop.ui.host import HostWindow

CONTEXT = "Help"


def help_text(name: str) -> str:
    """A help text from ``resources/help/`` (the British English one, or a translation beside it if present)."""
    folder = paths.resource("help")
    try:
        return (folder / name).read_text(encoding="utf-8")
    except OSError:
        return QCoreApplication.translate(
            "Help", "This help text is missing from this installation: %1"
        ).replace("%1", str(folder / name))


class HelpDialog(QDialog):
    """A window of help text (Markdown), with links opening in the system browser. Not modal: keep it open."""

    def __init__(self, object_name: str, title: str, markdown: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        column = QVBoxLayout(self)
        self.browser = QTextBrowser()
        self.browser.setObjectName("helpText")
        self.browser.setAccessibleName(title)
        self.browser.setOpenExternalLinks(True)
        self.browser.setMarkdown(markdown)
        column.addWidget(self.browser, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        column.addWidget(buttons)
        font_height = self.fontMetrics().height()
        self.resize(max(640, 44 * font_height), max(520, 36 * font_height))

    def text(self) -> str:
        return self.browser.toPlainText()


def _show(parent: QWidget | None, dialog: HelpDialog) -> HelpDialog:
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    if parent is not None:  # kept by Python while open (a Qt property holding widgets crashes at teardown)
        kept: list[QWidget] = getattr(parent, "help_windows", [])
        parent.help_windows = [*kept, dialog]  # type: ignore[attr-defined]
    return dialog


def show_protocol(parent: QWidget | None = None) -> HelpDialog:
    return _show(
        parent,
        HelpDialog(
            "protocolHelp",
            QCoreApplication.translate("Help", "The co-working protocol"),
            help_text("protocol.md"),
            parent,
        ),
    )


def _menu_shortcuts(window: QWidget) -> list[tuple[str, str, str]]:
    """(menu, action, shortcut) for every menu action of ``window`` that has a shortcut."""
    found: list[tuple[str, str, str]] = []

    def walk(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                walk(sub, f"{path} ▸ {action.text().replace('&', '')}")
            elif not action.shortcut().isEmpty():
                keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                found.append((path, action.text().replace("&", ""), keys))

    if hasattr(window, "menuBar"):
        for top in window.menuBar().actions():
            menu = top.menu()
            if isinstance(menu, QMenu):
                walk(menu, top.text().replace("&", ""))
    return found


def shortcuts_markdown(window: QWidget) -> str:
    lines = [
        "# " + QCoreApplication.translate("Help", "Keyboard shortcuts"),
        "",
        QCoreApplication.translate("Help", "Everything in cowork-desktop can be done from the keyboard."),
        "",
        "| "
        + QCoreApplication.translate("Help", "Keys")
        + " | "
        + QCoreApplication.translate("Help", "What they do")
        + " |",
        "| --- | --- |",
    ]
    for menu, action, keys in _menu_shortcuts(window):
        lines.append(f"| {keys} | {menu} ▸ {action} |")
    general = [
        (
            "Alt + " + QCoreApplication.translate("Help", "underlined letter"),
            QCoreApplication.translate("Help", "Open a menu or press a button (Alt+F opens the File menu)"),
        ),
        ("Tab / Shift+Tab", QCoreApplication.translate("Help", "Move to the next or previous field")),
        (
            QCoreApplication.translate("Help", "Space"),
            QCoreApplication.translate("Help", "Tick a box or press the focused button"),
        ),
        (
            QCoreApplication.translate("Help", "Arrow keys"),
            QCoreApplication.translate("Help", "Choose between options, or move in a list"),
        ),
        (
            "F1",
            QCoreApplication.translate(
                "Help", "In a meeting wizard: the protocol's guidance for the question you are on"
            ),
        ),
        ("Alt+N / Alt+B", QCoreApplication.translate("Help", "In a wizard: the next or the previous page")),
        (
            "Escape",
            QCoreApplication.translate(
                "Help", "Close a dialog without changing anything (a wizard saves what you typed)"
            ),
        ),
    ]
    for keys, what in general:
        lines.append(f"| {keys} | {what} |")
    return "\n".join(lines) + "\n"


def show_shortcuts(window: QWidget) -> HelpDialog:
    return _show(
        window,
        HelpDialog(
            "shortcutsHelp",
            QCoreApplication.translate("Help", "Keyboard shortcuts"),
            shortcuts_markdown(window),
            window,
        ),
    )


def data_markdown(window: HostWindow) -> str:
    """Where the data is, for this database: file, encryption, backups, certificate, settings."""
    from cowork_desktop.services import backups, export

    store = window.ws.store
    db: Path = store.path
    encrypted = bool(getattr(store, "encrypted", False))
    certificate = export.default_certificate_path()
    lines = [
        "# " + QCoreApplication.translate("Help", "Where is my data?"),
        "",
        "## " + QCoreApplication.translate("Help", "Your records"),
        "",
        QCoreApplication.translate(
            "Help", "Everything is in one file on this computer, readable by you only:"
        ),
        "",
        f"`{db}`",
        "",
        (
            QCoreApplication.translate(
                "Help",
                "It is **encrypted** with your passphrase (SQLCipher, AES-256). Nobody can read it without it.",
            )
            if encrypted
            else QCoreApplication.translate(
                "Help",
                "It is **not encrypted**. Keep the computer's own disk encryption on, or create an encrypted "
                "database (the first start offers one).",
            )
        ),
        "",
        "## " + QCoreApplication.translate("Help", "Backups"),
        "",
        QCoreApplication.translate(
            "Help",
            "A checked backup is taken every day the app starts and before every update, kept in rotation in:",
        ),
        "",
        f"`{backups.folder_for(store)}`",
        "",
        QCoreApplication.translate(
            "Help",
            "File ▸ Back up now takes one at once; File ▸ Restore… puts one back (the current file is kept).",
        ),
        "",
        "## " + QCoreApplication.translate("Help", "Your signing certificate"),
        "",
        f"`{certificate}`"
        + (
            " — " + QCoreApplication.translate("Help", "set up.")
            if certificate.exists()
            else " — "
            + QCoreApplication.translate(
                "Help", "not set up yet: File ▸ Settings… ▸ Records & PDFs, or when you first sign."
            )
        ),
        "",
        "## " + QCoreApplication.translate("Help", "Settings"),
        "",
        QCoreApplication.translate(
            "Help",
            "What belongs to the records (your name, organisation, marking, working days…) is kept in the "
            "database itself. The look of the app (theme, text size, window sizes) is kept for this computer in:",
        ),
        "",
        f"`{QSettings().fileName()}`",
        "",
        QCoreApplication.translate("Help", "Nothing is ever sent over the network."),
    ]
    return "\n".join(lines) + "\n"


def show_data(window: HostWindow) -> HelpDialog:
    return _show(
        window,
        HelpDialog(
            "dataHelp", QCoreApplication.translate("Help", "Where is my data?"), data_markdown(window), window
        ),
    )


def about_text(window: HostWindow) -> str:
    return (
        f"<h3>cowork-desktop {html.escape(__version__)}</h3>"
        + "<p>"
        + QCoreApplication.translate(
            "Help", "Set up and supervise co-worked children's social care cases, offline."
        )
        + "</p><p>"
        + QCoreApplication.translate("Help", "Database: %1").replace(
            "%1", html.escape(str(window.ws.store.path))
        )
        + "</p>"
    )


def add_help_menu(window: HostWindow, menu: QMenu) -> dict[str, QAction]:
    """Fill the Help menu; the protocol is on F1 (the platform's Help key)."""
    menu.clear()
    actions: dict[str, QAction] = {}

    def add(key: str, text: str, slot: Any, shortcut: QKeySequence | None = None) -> None:
        action = QAction(text, window)
        action.setObjectName(f"help_{key}")
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        actions[key] = action

    add(
        "protocol",
        QCoreApplication.translate("Help", "The co-working &protocol"),
        lambda: show_protocol(window),
        QKeySequence(QKeySequence.StandardKey.HelpContents),
    )
    add(
        "shortcuts", QCoreApplication.translate("Help", "&Keyboard shortcuts"), lambda: show_shortcuts(window)
    )
    add("data", QCoreApplication.translate("Help", "&Where is my data?"), lambda: show_data(window))
    menu.addSeparator()
    add("about", QCoreApplication.translate("Help", "&About cowork-desktop"), window.about)
    actions["protocol"].setIcon(_icon(window, QStyle.StandardPixmap.SP_DialogHelpButton))
    return actions


# ------------------------------------------------------------------------------------ questions' guidance


def question_row_of(widget: QWidget | None) -> QWidget | None:
    """The wizard question (a ``QuestionRow``: it has ``question`` and ``prompt``) holding ``widget``."""
    while widget is not None:
        if widget.objectName().startswith("row_") and hasattr(widget, "question"):
            return widget
        widget = widget.parentWidget()
    return None


def guidance_html(question: Any) -> str:
    prompt = html.escape(str(getattr(question, "prompt", "")))
    guidance = str(getattr(question, "guidance", "") or "")
    body = (
        html.escape(guidance)
        if guidance
        else html.escape(
            QCoreApplication.translate("Help", "The protocol gives no guidance for this question.")
        )
    )
    return f"<p><b>{prompt}</b></p><p>{body}</p>"


def show_question_guidance(row: QWidget, anchor: QWidget | None = None) -> str:
    """Show the question's guidance as a pop-up beside it; return the text shown (for tests and screen readers)."""
    question = getattr(row, "question", None)
    text = guidance_html(question)
    target = anchor or row
    where = target.mapToGlobal(QPoint(0, target.height()))
    QWhatsThis.showText(where, text, target)
    row.setProperty("cowork_guidance_shown", text)
    return text


class GuidanceButton(QToolButton):
    """The small "?" button beside a question's prompt: the same guidance as F1."""

    def __init__(self, row: QWidget) -> None:
        super().__init__(row)
        prompt = str(getattr(getattr(row, "question", None), "prompt", ""))
        self.setObjectName("guidanceButton")
        self.setText("?")
        self.setAutoRaise(True)
        self.setToolTip(QCoreApplication.translate("Help", "The protocol's guidance for this question (F1)"))
        self.setAccessibleName(QCoreApplication.translate("Help", "Guidance for: %1").replace("%1", prompt))
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.clicked.connect(self.show_guidance)

    def show_guidance(self) -> str:
        row = question_row_of(self)
        return show_question_guidance(row, self) if row is not None else ""


def guidance_button(row: QWidget) -> QToolButton:
    return GuidanceButton(row)


def wizard_f1(wizard: QWidget) -> str:
    """F1 in a wizard: the focused question's guidance, else the protocol. Returns what was shown."""
    focus = QApplication.focusWidget()
    row = question_row_of(focus) if focus is not None and wizard.isAncestorOf(focus) else None
    if row is not None:
        return show_question_guidance(row, focus)
    dialog = show_protocol(wizard)
    return dialog.text()


class WizardHelp(QShortcut):
    """F1 in a wizard (a bound slot, not a closure: nothing keeps the wizard alive or calls it once deleted)."""

    def __init__(self, wizard: QWidget) -> None:
        super().__init__(QKeySequence(QKeySequence.StandardKey.HelpContents), wizard)
        self.setContext(Qt.ShortcutContext.WindowShortcut)
        self.activated.connect(self.show_help)

    def show_help(self) -> str:
        wizard = self.parent()
        return wizard_f1(wizard) if isinstance(wizard, QWidget) else ""


def install_wizard_help(wizard: QWidget) -> QShortcut:
    return WizardHelp(wizard)


# ------------------------------------------------------------------------------------------------- icons


def _icon(widget: QWidget, pixmap: QStyle.StandardPixmap) -> QIcon:
    return widget.style().standardIcon(pixmap)


def app_icon() -> QIcon:
    """The app's icon (window title bars, task bar)."""
    icon = QIcon()
    folder = paths.resource("icons")
    for size in (16, 24, 32, 48, 64, 128, 256):
        png = folder / f"cowork-{size}.png"
        if png.exists():
            icon.addFile(str(png))
    svg = folder / "cowork.svg"
    if svg.exists():
        icon.addFile(str(svg))
    return icon


def decorate_actions(window: QWidget) -> None:
    """The platform's standard icons on the main actions (menus stay readable without them)."""
    icons = {
        "open_action": QStyle.StandardPixmap.SP_DialogOpenButton,
        "new_case_action": QStyle.StandardPixmap.SP_FileIcon,
        "new_coallocation_action": QStyle.StandardPixmap.SP_FileDialogNewFolder,
        "new_worker_action": QStyle.StandardPixmap.SP_FileDialogDetailedView,
        "backup_action": QStyle.StandardPixmap.SP_DialogSaveButton,
        "restore_action": QStyle.StandardPixmap.SP_BrowserReload,
        "settings_action": QStyle.StandardPixmap.SP_FileDialogInfoView,
        "verify_pdf_action": QStyle.StandardPixmap.SP_DialogApplyButton,
        "quit_action": QStyle.StandardPixmap.SP_DialogCloseButton,
    }
    for name, pixmap in icons.items():
        action = getattr(window, name, None)
        if isinstance(action, QAction):
            action.setIcon(_icon(window, pixmap))


# ------------------------------------------------------------------------------------------- translations

TRANSLATION_LOCALE = "en_GB"
_translators: list[QTranslator] = []


def translations_dir() -> Path:
    return paths.resource("i18n")


def install_translator(app: QCoreApplication, locale: str = TRANSLATION_LOCALE) -> QTranslator | None:
    """Load ``resources/i18n/cowork_<locale>.qm`` (British English ships) once; None if it is not there."""
    for found in _translators:
        if found.language().replace("-", "_") == locale:
            return found
    translator = QTranslator(app)
    if not translator.load(f"cowork_{locale}", str(translations_dir())):
        return None
    app.installTranslator(translator)
    _translators.append(translator)
    return translator
