"""A laptop webcam as a QR scanner for the check-in desk (optional: the desk works without it).

Frames reach the GUI thread from Qt's video sink up to 30 times a second. Only the newest
one is kept (a one-frame slot, so nothing queues up); at most ``max_decodes_per_s`` of
them are converted and decoded, each on a worker thread via ``jobs.run_job``, one at a
time. ``core.qr_decode.CodeDeduper`` keeps a card held in front of the lens from being
reported again for a few seconds. ``feed_image`` sends a ``QImage`` down the same path.

QtMultimedia comes with PySide6-Addons and needs the system's audio/video libraries; when
it cannot load, the panel says so and stays disabled instead of failing the desk.
"""

from __future__ import annotations

import math
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from ...core.qr_decode import CodeDeduper, PixelFrame, Throttle, decode_image
from ..common.jobs import FunctionJob, run_job
from ..common.settings import CAMERA_KEY

try:
    from PySide6.QtMultimedia import QCamera, QCameraDevice, QMediaCaptureSession, QMediaDevices, QVideoFrame
    from PySide6.QtMultimediaWidgets import QVideoWidget
except ImportError:  # PySide6-Addons missing, or libpulse & co. absent on this Linux
    QCamera = QCameraDevice = QMediaCaptureSession = QMediaDevices = QVideoFrame = QVideoWidget = None
    MULTIMEDIA_AVAILABLE = False
else:
    MULTIMEDIA_AVAILABLE = True

NO_CAMERA_TEXT = QT_TRANSLATE_NOOP("CameraPanel", "Tidak ada kamera")  # shown through no_camera_text()
# Frames larger than this cost decoding time without helping a card held near the lens.
_PREFERRED_MAX_PIXELS = 1280 * 720


# QImage formats the decoder reads as they are (memory byte order); others are converted.
_LITTLE_ENDIAN = sys.byteorder == "little"
_QIMAGE_PIXELS = {
    QImage.Format.Format_RGB32: "BGRA" if _LITTLE_ENDIAN else "ARGB",
    QImage.Format.Format_ARGB32: "BGRA" if _LITTLE_ENDIAN else "ARGB",
    QImage.Format.Format_ARGB32_Premultiplied: "BGRA" if _LITTLE_ENDIAN else "ARGB",
    QImage.Format.Format_RGBX8888: "RGBA",
    QImage.Format.Format_RGBA8888: "RGBA",
    QImage.Format.Format_RGBA8888_Premultiplied: "RGBA",
    QImage.Format.Format_RGB888: "RGB",
    QImage.Format.Format_BGR888: "BGR",
    QImage.Format.Format_Grayscale8: "L",
}


def frame_from_qimage(image: QImage) -> PixelFrame:
    """The pixels of ``image`` for the Qt-free decoder (QImage may be used off the GUI thread).

    Common camera layouts go over unconverted: a conversion to grey would cost as much as
    the decoding itself.
    """
    pixel_format = _QIMAGE_PIXELS.get(image.format())
    if pixel_format is None:
        image, pixel_format = (
            image.convertToFormat(QImage.Format.Format_RGB32),
            _QIMAGE_PIXELS[QImage.Format.Format_RGB32],
        )
    return PixelFrame(image.width(), image.height(), bytes(image.constBits()), image.bytesPerLine(), pixel_format)


def decode_qimage(image: QImage) -> list[str]:
    return decode_image(frame_from_qimage(image))


def preferred_format(device):
    """The largest format up to 1280×720 (highest frame rate among equals), or None for the default."""
    fitting = [
        fmt
        for fmt in device.videoFormats()
        if 0 < fmt.resolution().width() * fmt.resolution().height() <= _PREFERRED_MAX_PIXELS
    ]
    if not fitting:
        return None
    return max(fitting, key=lambda fmt: (fmt.resolution().width() * fmt.resolution().height(), fmt.maxFrameRate()))


def no_camera_text() -> str:
    return QCoreApplication.translate("CameraPanel", NO_CAMERA_TEXT)


class CameraPanel(QWidget):
    """Camera choice, start/stop, live picture; ``code_detected`` carries each new QR text."""

    code_detected = Signal(str)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        dedupe_window_s: float = 5.0,
        max_decodes_per_s: float = 8.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self._deduper = CodeDeduper(dedupe_window_s, clock=clock)
        self._throttle = Throttle(1.0 / max_decodes_per_s, clock=clock)
        self._pending: QImage | object | None = None  # newest undecoded frame (QImage or QVideoFrame)
        self._busy = False
        self._resume_on_show = False
        self.decoded_frames = 0  # frames fully decoded so far (diagnostics and tests)
        self._camera = None
        self._session = None
        self._video = None
        self._devices = QMediaDevices(self) if MULTIMEDIA_AVAILABLE else None
        self._pump_timer = QTimer(self)
        self._pump_timer.setSingleShot(True)
        self._pump_timer.timeout.connect(self._pump)

        self.camera_combo = QComboBox()
        self.camera_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.camera_combo.setMinimumContentsLength(12)
        self.start_button = QPushButton(self.tr("Mulai"))
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.placeholder = QLabel(no_camera_text())
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setMinimumHeight(120)
        self.placeholder.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.placeholder.setStyleSheet("QLabel { background: #202020; color: #d0d0d0; border-radius: 4px; }")
        # The desk's scanner field keeps the keyboard: clicks here must not take it away.
        for widget in (self.camera_combo, self.start_button):
            widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        top = QHBoxLayout()
        top.addWidget(self.camera_combo, 1)
        top.addWidget(self.start_button)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addLayout(top)
        self._layout.addWidget(self.placeholder, 1)
        self._layout.addWidget(self.status_label)

        self.start_button.clicked.connect(self.toggle)
        self.camera_combo.currentIndexChanged.connect(self._camera_chosen)
        if self._devices is not None:
            self._devices.videoInputsChanged.connect(self._refresh_devices)
        self._refresh_devices()

    # Public -----------------------------------------------------------------------------------
    @property
    def has_camera(self) -> bool:
        return self.camera_combo.count() > 0 and self.camera_combo.isEnabled()

    @property
    def is_running(self) -> bool:
        return self._camera is not None and self._camera.isActive()

    def feed_image(self, image) -> None:
        """Decode a ``QImage`` (or a ``QVideoFrame``) exactly as a camera frame is: throttled, deduplicated."""
        self._offer(image)

    def reset_dedupe(self) -> None:
        """Let the next sighting of any code through, e.g. after an undone check-in."""
        self._deduper.reset()

    def toggle(self) -> None:
        self.stop() if self._camera is not None else self.start()

    def start(self) -> None:
        device = self.camera_combo.currentData()
        if not MULTIMEDIA_AVAILABLE or device is None:
            return
        self.stop()
        if self._video is None:
            self._video = QVideoWidget()
            self._video.setMinimumSize(QSize(240, 135))
            self._video.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            self._layout.replaceWidget(self.placeholder, self._video)
            self.placeholder.hide()
            self._video.videoSink().videoFrameChanged.connect(self._on_video_frame)
        self._video.show()
        camera = QCamera(device, self)
        fmt = preferred_format(device)
        if fmt is not None:
            camera.setCameraFormat(fmt)
        camera.errorOccurred.connect(self._on_camera_error)
        camera.activeChanged.connect(self._on_active_changed)
        self._session = QMediaCaptureSession(self)
        self._session.setCamera(camera)
        self._session.setVideoOutput(self._video)
        self._camera = camera
        self.start_button.setText(self.tr("Berhenti"))
        self.status_label.setText(self.tr("Menyalakan kamera…"))
        camera.start()

    def stop(self) -> None:
        camera, self._camera = self._camera, None
        self._pending = None
        if camera is not None:
            camera.stop()
            camera.deleteLater()
        if self._session is not None:
            self._session.deleteLater()
            self._session = None
        self.start_button.setText(self.tr("Mulai"))
        if self.has_camera:
            self.status_label.setText(self.tr("Kamera mati. Tekan Mulai untuk memindai kode QR dengan kamera."))

    # Showing and hiding: a hidden panel lets go of the camera (and its light) -----------------
    def hideEvent(self, event) -> None:
        if self._camera is not None and not event.spontaneous():
            self._resume_on_show = True
            self.stop()
        super().hideEvent(event)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._resume_on_show and not event.spontaneous():
            self._resume_on_show = False
            self.start()

    # Devices ----------------------------------------------------------------------------------
    def _refresh_devices(self) -> None:
        current = self.camera_combo.currentData()
        wanted_id = bytes(current.id()) if current is not None else self._saved_camera_id()
        devices = list(QMediaDevices.videoInputs()) if MULTIMEDIA_AVAILABLE else []
        self.camera_combo.blockSignals(True)
        self.camera_combo.clear()
        for device in devices:
            self.camera_combo.addItem(device.description() or self.tr("Kamera"), device)
        ids = [bytes(device.id()) for device in devices]
        if wanted_id in ids:
            self.camera_combo.setCurrentIndex(ids.index(wanted_id))
        self.camera_combo.blockSignals(False)
        present = bool(devices)
        self.camera_combo.setEnabled(present)
        self.start_button.setEnabled(present)
        if not present:
            self.stop()
            self.camera_combo.addItem(no_camera_text())
            self.camera_combo.setEnabled(False)
            self.placeholder.setText(no_camera_text())
            self.status_label.setText(
                self.tr("Tidak ada kamera yang terpasang. Pakai pemindai QR USB atau ketik NIP/NIK.")
                if MULTIMEDIA_AVAILABLE
                else self.tr(
                    "Kamera tidak bisa dipakai di komputer ini (modul multimedia Qt tidak tersedia). "
                    "Pakai pemindai QR USB atau ketik NIP/NIK."
                )
            )
        elif self._camera is not None and bytes(self._camera.cameraDevice().id()) not in ids:
            self.stop()  # the running camera was unplugged
            self.status_label.setText(self.tr("Kamera dilepas. Pilih kamera lain lalu tekan Mulai."))
        elif self._camera is None:
            self.placeholder.setText(self.tr("Kamera mati"))
            self.status_label.setText(self.tr("Kamera mati. Tekan Mulai untuk memindai kode QR dengan kamera."))

    def _camera_chosen(self) -> None:
        device = self.camera_combo.currentData()
        if device is None:
            return
        QSettings().setValue(CAMERA_KEY, bytes(device.id()).hex())
        if self._camera is not None:
            self.start()  # switch to the chosen camera straight away

    @staticmethod
    def _saved_camera_id() -> bytes | None:
        try:
            return bytes.fromhex(str(QSettings().value(CAMERA_KEY, "") or ""))
        except ValueError:
            return None

    def _on_active_changed(self, active: bool) -> None:
        if active:
            self.status_label.setText(self.tr("Arahkan kode QR undangan ke kamera."))

    def _on_camera_error(self, _error, detail: str) -> None:
        self.stop()
        self.status_label.setText(
            self.tr(
                "Kamera tidak bisa dibuka. Mungkin sedang dipakai aplikasi lain (misalnya Zoom); "
                "tutup aplikasi itu lalu tekan Mulai lagi."
            )
        )
        self.status_label.setToolTip(detail)

    # Frames -----------------------------------------------------------------------------------
    def _on_video_frame(self, frame) -> None:
        if self._camera is not None and frame.isValid():
            self._offer(frame)  # kept as a QVideoFrame: converted only if it is decoded

    def _offer(self, source) -> None:
        self._pending = source  # replaces an older undecoded frame
        self._pump()

    def _pump(self) -> None:
        if self._pending is None or self._busy:
            return
        wait = self._throttle.wait_s()
        if wait > 0:
            if not self._pump_timer.isActive():
                self._pump_timer.start(max(1, math.ceil(wait * 1000)))
            return
        source, self._pending = self._pending, None
        image = source if isinstance(source, QImage) else source.toImage()
        if image.isNull():
            return
        self._busy = True
        self._throttle.start()
        run_job(
            FunctionJob(decode_qimage, image), on_result=self._on_decoded, on_error=self._on_decode_error, owner=self
        )

    def _on_decoded(self, texts: list[str]) -> None:
        self._busy = False
        self.decoded_frames += 1
        for text in self._deduper.fresh(texts):
            self.code_detected.emit(text)
        self._pump()

    def _on_decode_error(self, _err: Exception) -> None:
        self._busy = False
        self.decoded_frames += 1
        self.status_label.setText(self.tr("Satu gambar kamera tidak terbaca; pemindaian berjalan terus."))
        self._pump()
