"""Small pieces every screen shares: field error labels and message boxes in Bahasa Indonesia.

Qt ships no Indonesian translation of its own buttons, so standard buttons get their
text here instead of showing "Yes"/"Cancel".
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QMessageBox, QVBoxLayout, QWidget

CONTEXT = "Umum"


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


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


def localize_buttons(box: QDialogButtonBox, ok_text: str | None = None) -> None:
    """Indonesian texts for the standard buttons of a dialog's button box."""
    texts = {
        QDialogButtonBox.StandardButton.Ok: ok_text or _tr("OK"),
        QDialogButtonBox.StandardButton.Save: ok_text or _tr("Simpan"),
        QDialogButtonBox.StandardButton.Cancel: _tr("Batal"),
        QDialogButtonBox.StandardButton.Close: _tr("Tutup"),
    }
    for standard, text in texts.items():
        button = box.button(standard)
        if button is not None:
            button.setText(text)


def confirm(parent: QWidget | None, title: str, text: str, yes_text: str) -> bool:
    """Ask before something that cannot be undone; the safe answer is the default."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    yes = box.addButton(yes_text, QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton(_tr("Batal"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.exec()
    return box.clickedButton() is yes


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, parent=parent)
    box.addButton(_tr("Tutup"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
    box.addButton(_tr("OK"), QMessageBox.ButtonRole.AcceptRole)
    box.exec()


def number(value: int) -> str:
    """``2.000``: Indonesian thousands separator."""
    return f"{value:,}".replace(",", ".")
