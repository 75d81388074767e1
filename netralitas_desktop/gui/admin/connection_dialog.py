""" "Sambungkan ke server…": join the committee's PostgreSQL server, or go back to the local file.

The test and the connection run off the GUI thread (a server that vanished from the
Wi-Fi takes seconds to time out); the schema is created or migrated by
``core.connection.connect`` on first connection. The password goes to the system's
password store when the operator asks for it and there is one, never to QSettings.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core import connection
from ...core.audit import MAX_NAME_LENGTH
from ...core.connection import ConnectionProfile, ProfileStore, ServerCheck
from ...core.database import DatabaseError, DatabaseLocation, switch_database
from ..common.jobs import BackgroundWork, FunctionJob, JobRunner, wait_all
from ..common.settings import current_actor, save_desk_name
from ..common.widgets import FieldErrors, localize_buttons

OK_STYLE = "color: #1b5e20;"
ERROR_STYLE = "color: #b3261e;"


class ConnectionDialog(QDialog, BackgroundWork):
    """Host, port, database, user, password and this desk's name; ``location`` once accepted."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        store: ProfileStore | None = None,
        profile: ConnectionProfile | None = None,
        message: str = "",
        local_url: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sambungkan ke server"))
        self.setMinimumWidth(520)
        self.store = store or ProfileStore()
        self.local_url = local_url  # None: the default local file (NETRALITAS_DB or the user data folder)
        self.location: DatabaseLocation | None = None
        self.notice = ""  # said after connecting, e.g. that the password could not be stored
        self._build()
        saved = self.store.profiles()
        for item in saved:
            self.saved.addItem(item.key, item)
        self.saved.setVisible(bool(saved))
        self.saved_label.setVisible(bool(saved))
        self._fill(profile or self.store.active() or (saved[0] if saved else None))
        if message:
            self._say(message, ok=False)
        (self.password if self.host.text() else self.host).setFocus()

    def _build(self) -> None:
        self.saved_label = QLabel(self.tr("Sambungan tersimpan"))
        self.saved = QComboBox()
        self.saved.activated.connect(lambda index: self._fill(self.saved.itemData(index)))
        self.host = QLineEdit()
        self.host.setPlaceholderText(self.tr("nama komputer server atau alamat IP, mis. 192.168.1.10"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(connection.DEFAULT_PORT)
        self.port.setGroupSeparatorShown(False)
        self.database = QLineEdit(connection.DEFAULT_DATABASE)
        self.user = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.desk = QLineEdit(current_actor().desk)
        self.desk.setMaxLength(MAX_NAME_LENGTH)
        self.desk.setPlaceholderText(self.tr("mis. Meja 2 — tercatat pada setiap check-in"))
        usable, explanation = connection.password_store_status()
        self.remember = QCheckBox(self.tr("Ingat kata sandi di brankas kata sandi sistem"))
        self.remember.setEnabled(usable)
        self.remember.setChecked(usable)
        self.store_note = QLabel(explanation)
        self.store_note.setWordWrap(True)

        self.errors = FieldErrors()
        form = QFormLayout()
        form.addRow(self.saved_label, self.saved)
        form.addRow(self.tr("Server"), self.errors.wrap("host", self.host))
        form.addRow(self.tr("Port"), self.errors.wrap("port", self.port))
        form.addRow(self.tr("Basis data"), self.errors.wrap("database", self.database))
        form.addRow(self.tr("Pengguna"), self.errors.wrap("user", self.user))
        form.addRow(self.tr("Kata sandi"), self.password)
        form.addRow("", self.remember)
        form.addRow("", self.store_note)
        form.addRow(self.tr("Nama meja ini"), self.errors.wrap("desk", self.desk))

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status.hide()

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        localize_buttons(self.buttons, self.tr("Sambungkan"))
        self.connect_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.test_button = QPushButton(self.tr("Uji sambungan"))
        self.buttons.addButton(self.test_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.local_button = QPushButton(self.tr("Pakai berkas lokal"))
        self.local_button.setToolTip(self.tr("Bekerja dengan berkas basis data di laptop ini saja (tanpa server)."))
        self.buttons.addButton(self.local_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.buttons.accepted.connect(self.connect_to_server)
        self.buttons.rejected.connect(self.reject)
        self.test_button.clicked.connect(self.test_connection)
        self.local_button.clicked.connect(self.use_local)
        self.checks = JobRunner(self, controls=[self.connect_button, self.test_button, self.local_button])

        intro = QLabel(
            self.tr(
                "Beberapa meja registrasi dapat memakai satu basis data PostgreSQL di jaringan panitia, sehingga "
                "setiap meja melihat kehadiran dari meja lain. Tanyakan alamat server dan akunnya kepada "
                "pengelola server."
            )
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

    def _fill(self, profile: ConnectionProfile | None) -> None:
        if profile is None:
            return
        self.host.setText(profile.host)
        self.port.setValue(profile.port)
        self.database.setText(profile.database)
        self.user.setText(profile.user)
        stored = connection.load_password(profile)
        self.password.setText(stored or "")

    def profile(self) -> ConnectionProfile:
        return ConnectionProfile(
            self.host.text().strip(), self.port.value(), self.database.text().strip(), self.user.text().strip()
        )

    # Actions -----------------------------------------------------------------------------------
    def _valid_profile(self) -> ConnectionProfile | None:
        profile = self.profile()
        errors = profile.problems()
        if not " ".join(self.desk.text().split()):
            errors["desk"] = self.tr("Nama meja wajib diisi, agar setiap check-in tercatat dari meja mana.")
        self.errors.show(errors)
        if errors:
            name = self.errors.first_with_error(errors)
            getattr(self, name).setFocus()
            return None
        return profile

    def test_connection(self) -> None:
        profile = self._valid_profile()
        if profile is not None:
            self._check(profile, then_connect=False)

    def connect_to_server(self) -> None:
        profile = self._valid_profile()
        if profile is not None:
            self._check(profile, then_connect=True)

    def _check(self, profile: ConnectionProfile, *, then_connect: bool) -> None:
        if self.checks.busy:
            return
        self._say(self.tr("Menghubungi {0}:{1}…").format(profile.host, profile.port), ok=True)
        password = self.password.text()
        self.checks.start(
            FunctionJob(connection.check_server, profile, password),
            done=lambda result: self._checked(result, profile, password, then_connect),
            failed=lambda message: self._say(message, ok=False),
        )

    def _checked(self, result: ServerCheck, profile: ConnectionProfile, password: str, then_connect: bool) -> None:
        self._say(result.message, ok=result.ok)
        if result.ok and then_connect:
            self._open(profile, password)

    def _open(self, profile: ConnectionProfile, password: str) -> None:
        wait_all()  # queries still running against the previous database finish first
        try:
            self.location = connection.connect(profile, password or None)
        except DatabaseError as err:
            self._say(str(err), ok=False)
            return
        self.store.save(profile)
        if self.remember.isChecked() and password:
            self.notice = connection.save_password(profile, password) or ""
        else:
            connection.forget_password(profile)
        save_desk_name(self.desk.text())
        self.accept()

    def use_local(self) -> None:
        wait_all()
        try:
            self.location = switch_database(self.local_url)
        except DatabaseError as err:
            self._say(str(err), ok=False)
            return
        self.store.use_local()
        self.accept()

    def _say(self, message: str, *, ok: bool) -> None:
        self.status.setText(message)
        self.status.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.status.show()
