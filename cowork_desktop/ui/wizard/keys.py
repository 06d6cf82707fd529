"""Return in a wizard's page: never the wizard's Next or Finish.

A QWizard is a dialog: Return in a field the field does not use (a line edit, a date, a tick box) presses the
default button, so pressing Return to "confirm" a field jumped to the next page, or pressed "Ready to sign" and
filled a page with messages. In a page, Return now moves to the next field of the page (and does nothing after
the last one); on a button of the page it presses that button. The wizard's own buttons (Back, Next...) still
take Return when they have the focus, and each has its Alt+letter.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QRadioButton, QWidget, QWizard

RETURN_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


def return_in_page(wizard: QWizard, event: QKeyEvent) -> bool:
    """Handle a Return the focused control of the current page left unused. True when handled (the wizard's
    dialog handling must then not press its default button)."""
    if event.key() not in RETURN_KEYS:
        return False
    if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
        return False
    focus = wizard.focusWidget()  # the window's focus child (whether or not the window is active)
    page = wizard.currentPage()
    if focus is None or page is None or not page.isAncestorOf(focus):
        return False
    event.accept()
    if isinstance(focus, QAbstractButton) and not isinstance(focus, QCheckBox | QRadioButton):
        focus.animateClick()  # a button of the page ("Add action", "Sign as..."): Return presses it
        return True
    following = next_field(page, focus)
    if following is not None:  # a field: on to the next one, as Tab; after the last one, nothing
        following.setFocus(Qt.FocusReason.TabFocusReason)
    return True


def next_field(page: QWidget, focus: QWidget) -> QWidget | None:
    """The control Tab would go to from ``focus``, if it is on ``page`` (None after the page's last one: Return
    never walks on to the wizard's buttons, where one more Return would press Next)."""
    tab = Qt.FocusPolicy.TabFocus.value
    widget = focus.nextInFocusChain()
    for _ in range(10_000):  # the chain is a ring; this is only a guard
        if widget is None or widget is focus:
            return None
        if (
            widget.focusPolicy().value & tab == tab
            and widget.focusProxy() is None
            and widget.isEnabled()
            and widget.isVisible()
        ):
            return widget if page.isAncestorOf(widget) else None
        widget = widget.nextInFocusChain()
    return None


def literal(text: str) -> str:
    """Text shown on a button or a label with a buddy exactly as written: an "&" in a name is not a shortcut."""
    return text.replace("&", "&&")
