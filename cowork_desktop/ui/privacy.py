"""The gentle privacy warning under a free-text field (see ``cowork_desktop.domain.privacy``).

``hint = PrivacyHint(); hint.watch(edit)`` and put ``hint`` under the field: as the text changes (checked after a
short pause, so typing stays smooth) it says when the text looks like it holds a postcode, a phone number, an
e-mail address, an NHS number or a date of birth, and hides itself again when it does not. It never blocks a save
and never changes the text.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

from cowork_desktop.domain.privacy import Finding, scan, summary

PAUSE_MS = 300


class PrivacyHint(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("privacyHint")
        self.setProperty("role", "hint")
        self.setWordWrap(True)
        self.setAccessibleName(self.tr("Privacy note"))
        self.findings: list[Finding] = []
        self._widget: QWidget | None = None
        self._shown = ""  # the note last added to the field's accessible description
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PAUSE_MS)
        self._timer.timeout.connect(self.check_now)
        self.hide()

    def watch(self, widget: QLineEdit | QPlainTextEdit | QTextEdit) -> PrivacyHint:
        self._widget = widget
        if isinstance(widget, QLineEdit):
            widget.textChanged.connect(lambda _text: self._timer.start())
        else:
            widget.textChanged.connect(self._timer.start)
        self.check_now()
        return self

    def _text(self) -> str:
        w = self._widget
        if isinstance(w, QLineEdit):
            return w.text()
        if isinstance(w, QPlainTextEdit | QTextEdit):
            return w.toPlainText()
        return ""

    def check_now(self) -> None:
        self._timer.stop()
        self.findings = scan(self._text())
        text = summary(self.findings)
        self.setText(text)
        self.setVisible(bool(text))
        if self._widget is not None:
            # the field's own description (a question's guidance) is kept; only our note is replaced
            base = self._widget.accessibleDescription()
            if self._shown and base.endswith(self._shown):
                base = base[: -len(self._shown)].rstrip()
            self._widget.setAccessibleDescription(" ".join(p for p in (base, text) if p))
            self._shown = text

    def message(self) -> str:
        """What is shown now ("" when hidden)."""
        return "" if self.isHidden() else self.text()
