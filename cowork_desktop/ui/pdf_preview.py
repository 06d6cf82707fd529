"""A PDF preview for dialogs: the pages of PDF bytes rendered with pypdfium2 (QtPdf is not part of the build).

Pages are laid out as fixed-size placeholders at once (their sizes come from the document) and rendered only
when they come near the visible part of the scroll area, so a long case note opens as fast as a short one; pages
far from view are dropped again. Zoom in and out with the buttons or Ctrl++ / Ctrl+- (Ctrl+0: back to the
usual size); the page shown is reported as "Page X of N".

The vertical scroll bar is always on (see SETUP-NOTES: a scroll bar that comes and goes with the layout can make
a view re-layout forever). The horizontal one appears only when a zoomed page is wider than the view: page sizes
here never depend on the view's size, so its appearing cannot change them and there is no feedback loop.
"""

from __future__ import annotations

from typing import Any

import pypdfium2 as pdfium
from PIL import Image
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cowork_desktop.ui.widgets import wrapped_label

#: zoom levels, as a fraction of the page's real size (1.0: 1 point = 1/72 inch at 96 dots per inch)
ZOOM_LEVELS = (0.5, 0.67, 0.75, 0.9, 1.0, 1.25, 1.5, 2.0)
DEFAULT_ZOOM = 0.75
_PIXELS_PER_POINT = 96 / 72
PAGE_GAP = 14
#: rendered pages kept while scrolling (others go back to a blank placeholder)
MAX_RENDERED = 12


def _white_rgb(image: Image.Image) -> Image.Image:
    """The page on an opaque white background (a transparent render would show the window colour)."""
    if "A" in image.getbands():
        background = Image.new("RGBA", image.size, (255, 255, 255, 255))
        return Image.alpha_composite(background, image.convert("RGBA")).convert("RGB")
    return image.convert("RGB")


def render_page(document: Any, index: int, scale: float) -> QImage:
    """One page of a pypdfium2 document as a QImage, ``scale`` pixels per point, on white."""
    page = document[index]
    try:
        bitmap = page.render(scale=scale, draw_annots=True, fill_color=(255, 255, 255, 255))
        try:
            image = _white_rgb(bitmap.to_pil())
        finally:
            bitmap.close()
    finally:
        page.close()
    data = image.tobytes()
    width, height = image.size
    return QImage(data, width, height, 3 * width, QImage.Format.Format_RGB888).copy()


class _PageSlot(QLabel):
    """One page: a white placeholder of the page's size until it is rendered."""

    def __init__(self, index: int, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index = index
        self.setObjectName(f"pdfPage{index + 1}")
        self.setAccessibleName(f"Page {index + 1} of {count}")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setStyleSheet("background: #ffffff; border: 1px solid #9aa3ad;")
        self.rendered = False

    def show_placeholder(self) -> None:
        self.clear()
        self.rendered = False


class PdfPreview(QWidget):
    """Shows the pages of a PDF (bytes) with page count and zoom; pages are rendered as they come into view."""

    zoom_changed = Signal(float)

    def __init__(self, parent: QWidget | None = None, zoom: float = DEFAULT_ZOOM) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPreview")
        self._document: Any = None
        self._data = b""
        self._sizes: list[tuple[float, float]] = []  # page sizes in points
        self._slots: list[_PageSlot] = []
        self._zoom = zoom
        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.setInterval(0)
        self._render_timer.timeout.connect(self.render_visible)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        bar = QHBoxLayout()
        bar.setSpacing(6)
        self.page_label = QLabel()
        self.page_label.setObjectName("pdfPageLabel")
        self.zoom_out_button = self._tool_button("−", "zoomOut", "Zoom out", "Zoom out (Ctrl+-)")
        self.zoom_label = QLabel()
        self.zoom_label.setObjectName("pdfZoomLabel")
        self.zoom_label.setMinimumWidth(self.zoom_label.fontMetrics().horizontalAdvance("200%") + 8)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_in_button = self._tool_button("+", "zoomIn", "Zoom in", "Zoom in (Ctrl++)")
        bar.addWidget(self.page_label)
        bar.addStretch(1)
        bar.addWidget(self.zoom_out_button)
        bar.addWidget(self.zoom_label)
        bar.addWidget(self.zoom_in_button)
        layout.addLayout(bar)

        self.scroll_area = QScrollArea()
        self.scroll_area.setObjectName("pdfScroll")
        self.scroll_area.setAccessibleName(self.tr("Document preview"))
        self.scroll_area.setFrameShape(QFrame.Shape.StyledPanel)
        self.scroll_area.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # arrows and Page Up/Down scroll
        self.scroll_area.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.pages = QWidget()
        self.pages.setObjectName("pdfPages")
        self.pages.setStyleSheet("#pdfPages { background: #7d8690; }")
        self._column = QVBoxLayout(self.pages)
        self._column.setContentsMargins(PAGE_GAP, PAGE_GAP, PAGE_GAP, PAGE_GAP)
        self._column.setSpacing(PAGE_GAP)
        self._column.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.message = wrapped_label("pdfMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setStyleSheet("color: #ffffff; padding: 24px;")
        self._column.addWidget(self.message)
        self.scroll_area.setWidget(self.pages)
        layout.addWidget(self.scroll_area, 1)

        self.zoom_in_button.clicked.connect(self.zoom_in)
        self.zoom_out_button.clicked.connect(self.zoom_out)
        self.scroll_area.verticalScrollBar().valueChanged.connect(lambda _v: self._schedule())
        self.scroll_area.horizontalScrollBar().valueChanged.connect(lambda _v: self._schedule())
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in (
            (QKeySequence.StandardKey.ZoomIn, self.zoom_in),
            ("Ctrl+=", self.zoom_in),
            (QKeySequence.StandardKey.ZoomOut, self.zoom_out),
            ("Ctrl+0", self.reset_zoom),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)
        self.show_message("No document to show.")
        self._update_labels()

    def _tool_button(self, text: str, name: str, accessible: str, tip: str) -> QToolButton:
        b = QToolButton()
        b.setText(text)
        b.setObjectName(name)
        b.setAccessibleName(accessible)
        b.setToolTip(tip)
        b.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        b.setMinimumWidth(b.fontMetrics().horizontalAdvance("MM") + 8)
        return b

    # -- the document -----------------------------------------------------------------------------
    def set_pdf(self, data: bytes) -> bool:
        """Show the PDF; False (and a message in place of the pages) if it cannot be read."""
        self._close_document()
        try:
            document = pdfium.PdfDocument(data)
            document.init_forms()  # before any page is loaded: the signature stamp is a form field
            sizes = [document.get_page_size(i) for i in range(len(document))]
        except (pdfium.PdfiumError, ValueError, OSError):
            self.show_message("This file cannot be shown: it is not a readable PDF.")
            return False
        self._data = data  # pdfium reads from these bytes while the document is open
        self._document = document
        self._sizes = [(float(w), float(h)) for w, h in sizes]
        self._build_slots()
        self.scroll_area.verticalScrollBar().setValue(0)
        self._schedule()
        return True

    def clear_pdf(self, message: str = "No document to show.") -> None:
        self._close_document()
        self.show_message(message)

    def show_message(self, text: str) -> None:
        self._remove_slots()
        self.message.setText(text)
        self.message.show()
        self._update_labels()

    def _close_document(self) -> None:
        self._remove_slots()
        if self._document is not None:
            self._document.close()
        self._document = None
        self._data = b""
        self._sizes = []

    def _remove_slots(self) -> None:
        for slot in self._slots:
            self._column.removeWidget(slot)
            slot.deleteLater()
        self._slots = []

    def _build_slots(self) -> None:
        self._remove_slots()
        self.message.hide()
        count = len(self._sizes)
        for index in range(count):
            slot = _PageSlot(index, count, self.pages)
            self._column.addWidget(slot, 0, Qt.AlignmentFlag.AlignHCenter)
            self._slots.append(slot)
        self._size_slots()
        self._update_labels()

    def _size_slots(self) -> None:
        for slot, (width, height) in zip(self._slots, self._sizes, strict=True):
            slot.setFixedSize(
                round(width * self._pixels_per_point()), round(height * self._pixels_per_point())
            )

    def page_count(self) -> int:
        return len(self._sizes)

    def pdf_bytes(self) -> bytes:
        return self._data

    def rendered_pages(self) -> list[int]:
        """The pages (0-based) rendered now; the others are blank placeholders until they are near the view."""
        return [s.index for s in self._slots if s.rendered]

    def page_image(self, index: int) -> QImage:
        """A page rendered at the current zoom (also for tests and screenshots)."""
        if self._document is None or not 0 <= index < len(self._sizes):
            raise IndexError(index)
        return render_page(self._document, index, self._pixels_per_point() * self.devicePixelRatioF())

    def show_page(self, number: int) -> None:
        """Scroll so that page ``number`` (1-based; negative counts from the end) is at the top of the view."""
        if not self._slots:
            return
        index = number - 1 if number > 0 else len(self._slots) + number
        index = min(max(index, 0), len(self._slots) - 1)
        top = self._page_spans()[index][0] - PAGE_GAP
        # after the pending layout, which sets the scroll range for new pages
        QTimer.singleShot(0, self, lambda: self.scroll_area.verticalScrollBar().setValue(top))

    # -- zoom -------------------------------------------------------------------------------------
    def zoom(self) -> float:
        return self._zoom

    def set_zoom(self, zoom: float) -> None:
        zoom = min(max(zoom, ZOOM_LEVELS[0]), ZOOM_LEVELS[-1])
        if abs(zoom - self._zoom) < 1e-6:
            return
        bar = self.scroll_area.verticalScrollBar()
        fraction = bar.value() / bar.maximum() if bar.maximum() > 0 else 0.0
        self._zoom = zoom
        for slot in self._slots:
            slot.show_placeholder()
        self._size_slots()
        self.pages.adjustSize()
        bar.setValue(round(fraction * bar.maximum()))
        self._update_labels()
        self._schedule()
        self.zoom_changed.emit(zoom)

    def zoom_in(self) -> None:
        bigger = [z for z in ZOOM_LEVELS if z > self._zoom + 1e-6]
        if bigger:
            self.set_zoom(bigger[0])

    def zoom_out(self) -> None:
        smaller = [z for z in ZOOM_LEVELS if z < self._zoom - 1e-6]
        if smaller:
            self.set_zoom(smaller[-1])

    def reset_zoom(self) -> None:
        self.set_zoom(DEFAULT_ZOOM)

    def _pixels_per_point(self) -> float:
        return self._zoom * _PIXELS_PER_POINT

    # -- rendering --------------------------------------------------------------------------------
    def _schedule(self) -> None:
        if self._slots:
            self._render_timer.start()
        self._update_page_label()

    def _page_spans(self) -> list[tuple[int, int]]:
        """Each page's top and bottom in the scrolled column, computed from the page sizes (so it holds before
        the layout has run)."""
        spans = []
        top = PAGE_GAP
        for slot in self._slots:
            height = slot.height() if slot.height() > 0 else slot.minimumHeight()
            spans.append((top, top + height))
            top += height + PAGE_GAP
        return spans

    def _visible_span(self) -> tuple[int, int]:
        top = self.scroll_area.verticalScrollBar().value()
        return top, top + self.scroll_area.viewport().height()

    def render_visible(self) -> None:
        """Render the pages in or near view; drop those far from it beyond MAX_RENDERED."""
        if self._document is None or not self._slots:
            return
        top, bottom = self._visible_span()
        margin = max(bottom - top, 1) // 2  # the next page is ready before it scrolls in
        spans = self._page_spans()
        wanted = [
            slot
            for slot, (start, end) in zip(self._slots, spans, strict=True)
            if end >= top - margin and start <= bottom + margin
        ] or [self._slots[0]]
        ratio = self.devicePixelRatioF()
        for slot in wanted:
            if slot.rendered:
                continue
            try:
                image = render_page(self._document, slot.index, self._pixels_per_point() * ratio)
            except pdfium.PdfiumError:
                slot.setText(self.tr("This page cannot be shown."))
                slot.rendered = True
                continue
            pixmap = QPixmap.fromImage(image)
            pixmap.setDevicePixelRatio(ratio)
            slot.setPixmap(pixmap)
            slot.rendered = True
        rendered = [s for s in self._slots if s.rendered]
        if len(rendered) > MAX_RENDERED:
            centre = (top + bottom) // 2
            far = sorted(
                (s for s in rendered if s not in wanted),
                key=lambda s: abs(sum(spans[s.index]) // 2 - centre),
                reverse=True,
            )
            for slot in far[: len(rendered) - MAX_RENDERED]:
                slot.show_placeholder()

    def current_page(self) -> int:
        """The page (1-based) at the top of the view; 0 without a document."""
        if not self._slots:
            return 0
        top, bottom = self._visible_span()
        line = top + (bottom - top) // 3
        for index, (_start, end) in enumerate(self._page_spans()):
            if end + PAGE_GAP >= line:
                return index + 1
        return len(self._slots)

    def _update_page_label(self) -> None:
        count = len(self._slots)
        if count == 0:
            self.page_label.setText("")
            return
        pages = "1 page" if count == 1 else f"{count} pages"
        self.page_label.setText(f"Page {self.current_page()} of {count}  ({pages})")
        self.page_label.setAccessibleName(self.page_label.text())

    def _update_labels(self) -> None:
        has_pages = bool(self._slots)
        self.zoom_label.setText(f"{round(self._zoom * 100)}%")
        self.zoom_label.setAccessibleName(f"Zoom {round(self._zoom * 100)} percent")
        self.zoom_in_button.setEnabled(has_pages and self._zoom < ZOOM_LEVELS[-1] - 1e-6)
        self.zoom_out_button.setEnabled(has_pages and self._zoom > ZOOM_LEVELS[0] + 1e-6)
        self._update_page_label()

    # -- events -----------------------------------------------------------------------------------
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._schedule()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._schedule()
