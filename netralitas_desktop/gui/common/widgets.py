"""Small pieces every screen shares: field error labels and message boxes in Bahasa Indonesia.

Qt ships no Indonesian translation of its own buttons, so standard buttons get their
text here instead of showing "Yes"/"Cancel".
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .dates import number  # noqa: F401  (re-exported: widgets.number is what the tabs import)


class ErrorLabel(QLabel):
    """A red message beside a field; hidden while there is nothing to say."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet("color: #b3261e;")
        self.hide()

    def show_message(self, message: str) -> None:
        self.setText(message)
        self.setVisible(bool(message))


class FieldErrors:
    """Error labels under form fields, keyed by the field names that services use in errors."""

    def __init__(self) -> None:
        self._labels: dict[str, ErrorLabel] = {}

    def wrap(self, name: str, field: QWidget) -> QWidget:
        """The field with its (hidden) error label below it, for a form row."""
        container = QWidget()
        layout = QVBoxLayout(container)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(field)
        label = ErrorLabel()
        layout.addWidget(label)
        self._labels[name] = label
        return container

    def show(self, errors: dict[str, str]) -> list[str]:
        """Show each message beside its field; return the messages no field claims."""
        for name, label in self._labels.items():
            label.show_message(errors.get(name, ""))
        return [message for name, message in errors.items() if name not in self._labels]

    def clear(self) -> None:
        self.show({})

    def first_with_error(self, errors: dict[str, str]) -> str | None:
        return next((name for name in self._labels if name in errors), None)


def shortcut(key: str, parent: QWidget, slot: Callable[[], object], context: Qt.ShortcutContext) -> QShortcut:
    """A key for ``slot`` within ``context``. (PySide6 ignores ``context=`` given to QShortcut's
    constructor together with a Python callable: the shortcut would fire anywhere in the window.)"""
    made = QShortcut(QKeySequence(key), parent)
    made.setContext(context)
    made.activated.connect(slot)
    return made


def localize_buttons(box: QDialogButtonBox, ok_text: str | None = None) -> None:
    """Our texts for the standard buttons of a dialog's button box, in the UI language (not Qt's English)."""
    texts = {
        QDialogButtonBox.StandardButton.Ok: ok_text or QCoreApplication.translate("Umum", "OK"),
        QDialogButtonBox.StandardButton.Save: ok_text or QCoreApplication.translate("Umum", "Simpan"),
        QDialogButtonBox.StandardButton.Cancel: QCoreApplication.translate("Umum", "Batal"),
        QDialogButtonBox.StandardButton.Close: QCoreApplication.translate("Umum", "Tutup"),
    }
    for standard, text in texts.items():
        button = box.button(standard)
        if button is not None:
            button.setText(text)


def confirm(parent: QWidget | None, title: str, text: str, yes_text: str) -> bool:
    """Ask before something that cannot be undone; the safe answer is the default."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    yes = box.addButton(yes_text, QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(QCoreApplication.translate("Umum", "Batal"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is yes


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
    box.addButton(QCoreApplication.translate("Umum", "OK"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def make_read_only_list(table: QTableView, row_padding: int = 10) -> None:
    """The look of every list of people: whole rows selected, nothing edited in place, alternating
    one-line rows of the font's height plus ``row_padding`` pixels, no row numbers."""
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + row_padding)


def read_only_table(headers: list[str]) -> QTableWidget:
    """A read-only table whose last column takes the remaining width (long texts go last)."""
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    make_read_only_list(table)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
    return table


def fill_table(table: QTableWidget, rows: list[tuple]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            item = QTableWidgetItem(str(value))
            if isinstance(value, int):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            elif len(str(value)) > 40:
                item.setToolTip(str(value))  # reasons and unit names can be long
            table.setItem(r, c, item)


class JobPanel(QWidget):
    """A status line, a progress bar and a Batal button for one job run with ``jobs.run_job``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.error = ErrorLabel()
        self.progress = QProgressBar()
        self.cancel_button = QPushButton(self.tr("Batal"))
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status)
        layout.addLayout(row)
        layout.addWidget(self.error)

    def start(self, message: str) -> None:
        self.status.setText(message)
        self.error.show_message("")
        self.progress.setRange(0, 0)  # busy until the first report
        self.progress.show()
        self.cancel_button.show()
        self.cancel_button.setEnabled(True)

    def report(self, done: int, total: int, message: str) -> None:
        if total > 0:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
        else:
            self.progress.setRange(0, 0)  # a step of unknown length
        if message:
            self.status.setText(message)

    def stop(self, message: str = "", error: str = "") -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.status.setText(message)
        self.status.setVisible(bool(message))
        self.error.show_message(error)


class FigureTile(QFrame):
    """A caption over a large figure (the dashboards' tiles); ``scale`` enlarges the figure."""

    def __init__(self, caption: str, scale: float = 1.6, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.caption = QLabel(caption)
        self.value = QLabel("–")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * scale)
        font.setBold(True)
        self.value.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)


def with_buttons(widget: QWidget, *buttons: QWidget) -> QWidget:
    """``widget`` (a table) with a row of buttons at its bottom right, as one page."""
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.addWidget(widget, 1)
    row = QHBoxLayout()
    row.addStretch(1)
    for button in buttons:
        row.addWidget(button)
    layout.addLayout(row)
    return page
