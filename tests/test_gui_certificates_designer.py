"""The certificate designer on a real event: live preview from the real PDF code, dragging
fields with the mouse, editing in the side panel, paper, background, templates, saving."""

from __future__ import annotations

import json

import pytest
from PIL import Image
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QImage

from netralitas_desktop.core.certificates.design import BACKGROUND_ASSET, load_design
from netralitas_desktop.gui.certificates.designer import CertificateDesigner
from netralitas_desktop.gui.common.jobs import wait_all
from support.certificates import make_event, png_bytes, populate
from support.gui import answer_message_box


@pytest.fixture
def event_id(db):
    event_id = make_event()
    populate(event_id)
    return event_id


@pytest.fixture
def designer(qtbot, event_id):
    dialog = CertificateDesigner(event_id)  # closed here, not by qtbot: unsaved edits would ask
    dialog.show()
    qtbot.waitExposed(dialog)
    wait_rendered(qtbot, dialog)
    yield dialog
    dialog.dirty = False
    dialog.close()
    dialog.deleteLater()
    wait_all()


def wait_rendered(qtbot, dialog: CertificateDesigner) -> QImage:
    qtbot.waitUntil(lambda: dialog.preview_ready, timeout=30_000)
    assert dialog.render_status.text() == "Pratinjau dari PDF yang sebenarnya"
    return dialog.canvas.picture.pixmap().toImage()


def ink_in(
    image: QImage, page_mm: tuple[float, float], box_mm: tuple[float, float, float, float], dark: int = 120
) -> int:
    """Dark pixels inside a box (x, y, width, height in mm) of the rendered page."""
    scale = image.width() / page_mm[0]
    x0, y0 = int(box_mm[0] * scale), int(box_mm[1] * scale)
    x1, y1 = int((box_mm[0] + box_mm[2]) * scale), int((box_mm[1] + box_mm[3]) * scale)
    count = 0
    for y in range(max(0, y0), min(image.height(), y1), 2):
        for x in range(max(0, x0), min(image.width(), x1), 2):
            if image.pixelColor(x, y).lightness() < dark:
                count += 1
    return count


def test_preview_is_the_real_certificate_with_the_event_data(designer):
    image = designer.canvas.picture.pixmap().toImage()
    width_mm, height_mm = designer.design.page_size_mm
    assert abs(image.width() / image.height() - width_mm / height_mm) < 0.01
    name = designer.design.field("name")
    assert ink_in(image, (width_mm, height_mm), (name.x_mm, name.y_mm, name.width_mm, 10)) > 50
    assert ink_in(image, (width_mm, height_mm), (13, 60, 8, 40)) == 0  # inside the frame, left of the text: empty
    assert set(designer.canvas.boxes) == {spec.key for spec in designer.design.fields}


def test_dragging_a_box_moves_the_field_and_the_printed_text(qtbot, designer, event_id):
    canvas = designer.canvas
    box = canvas.boxes["name"]
    start = designer.design.field("name")
    view = canvas.viewport()
    grab = canvas.mapFromScene(box.scenePos() + box.rect().center())
    target = canvas.mapFromScene(box.scenePos() + box.rect().center() + QPointF(0, 40))  # 40 mm down
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=grab)
    for step in range(1, 6):
        qtbot.mouseMove(view, grab + (target - grab) * step / 5)
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=target)

    moved = designer.design.field("name")
    assert designer.dirty
    assert moved.x_mm == pytest.approx(start.x_mm, abs=1.0)
    assert 35 < moved.y_mm - start.y_mm < 45
    assert moved.y_mm * 2 == int(moved.y_mm * 2)  # snapped to 0.5 mm
    assert designer.panel.spec.key == "name" and designer.panel.y_spin.value() == moved.y_mm

    image = wait_rendered(qtbot, designer)
    page = designer.design.page_size_mm
    assert ink_in(image, page, (moved.x_mm, moved.y_mm, moved.width_mm, 9)) > 50
    assert designer.save()
    assert load_design(event_id).field("name").y_mm == moved.y_mm


def test_side_panel_edits_font_size_and_colour_of_the_selected_field(qtbot, designer):
    designer.canvas.select("event_title")
    assert designer.panel.spec.key == "event_title"
    designer.panel.size_spin.setValue(11.0)
    designer.panel.set_color("#c62828")
    designer.panel.align_combo.setCurrentIndex(designer.panel.align_combo.findData("left"))
    spec = designer.design.field("event_title")
    assert (spec.size_pt, spec.color, spec.align) == (11.0, "#c62828", "left")
    image = wait_rendered(qtbot, designer)
    scale = image.width() / designer.design.page_size_mm[0]
    reds = [
        image.pixelColor(x, y)
        for y in range(int(spec.y_mm * scale), int((spec.y_mm + 6) * scale))
        for x in range(int(spec.x_mm * scale), int((spec.x_mm + spec.width_mm) * scale))
    ]
    assert any(c.red() > 150 and c.green() < 90 and c.blue() < 90 for c in reds)


def test_typing_in_the_text_keeps_the_cursor_and_unknown_placeholders_are_flagged(qtbot, designer):
    designer.canvas.select("text_3")
    edit = designer.panel.text_edit
    edit.setFocus()
    edit.setCursorPosition(0)
    qtbot.keyClicks(edit, "Dengan bangga ")
    assert edit.text() == "Dengan bangga diberikan kepada"
    assert designer.design.field("text_3").text == "Dengan bangga diberikan kepada"
    designer.panel.insert_combo.setCurrentIndex(designer.panel.insert_combo.findData("golongan"))
    designer.panel.insert_combo.activated.emit(designer.panel.insert_combo.currentIndex())
    assert "{golongan}" in designer.design.field("text_3").text


def test_out_of_page_field_cannot_be_saved(qtbot, designer):
    designer.canvas.select("nip")
    designer.panel.x_spin.setValue(290.0)
    assert "di luar kertas" in designer.problems.text()
    seen = answer_message_box("Tutup")
    assert not designer.save()
    assert "di luar kertas" in seen["text"]


def test_paper_and_orientation_keep_fields_on_the_page(qtbot, designer, event_id):
    designer.paper_combo.setCurrentText("F4")
    designer.orientation_combo.setCurrentIndex(1)  # Potret
    assert designer.design.page_size_mm == (215.0, 330.0)
    assert designer.problems.text() == ""
    image = wait_rendered(qtbot, designer)
    assert image.height() > image.width()
    assert designer.save()
    saved = load_design(event_id)
    assert (saved.paper, saved.landscape) == ("F4", False)


def test_background_add_remove_and_fields(qtbot, designer, tmp_path):
    picture = tmp_path / "bingkai.png"
    picture.write_bytes(png_bytes(Image.new("RGB", (600, 424), (20, 120, 40))))
    assert designer.set_background_file(str(picture))
    assert designer.design.background == BACKGROUND_ASSET and not designer.design.frame
    assert designer.background_label.text() == "bingkai.png"
    image = wait_rendered(qtbot, designer)
    corner = image.pixelColor(5, 5)
    assert corner.green() > 100 and corner.red() < 60  # the green picture fills the page

    seen = answer_message_box("Tutup")
    broken = tmp_path / "rusak.png"
    broken.write_bytes(b"bukan gambar")
    assert not designer.set_background_file(str(broken))
    assert "text" in seen

    designer.canvas.select("logo")
    designer.remove_selected_field()
    assert designer.design.field("logo") is None and "logo" not in designer.canvas.boxes
    designer.add_combo.setCurrentIndex(designer.add_combo.findData("golongan"))
    designer.add_selected_field()
    assert designer.canvas.selected_key() == "golongan"
    designer.clear_background()
    assert designer.design.background is None
    wait_rendered(qtbot, designer)


def test_template_export_then_import_into_another_event(qtbot, designer, tmp_path, event_id):
    designer.canvas.select("name")
    designer.panel.size_spin.setValue(20.0)
    path = tmp_path / "templat.json"
    designer.export_template_to(str(path))
    assert json.loads(path.read_text(encoding="utf-8"))["kind"] == "netralitas-certificate-design"

    other = make_event("Kegiatan lain")
    second = CertificateDesigner(other)
    qtbot.addWidget(second)  # saved by the import, so closing asks nothing
    assert second.import_template_from(str(path))
    assert second.design.field("name").size_pt == 20.0
    assert load_design(other).field("name").size_pt == 20.0  # saved into the event at once
    wait_rendered(qtbot, second)

    seen = answer_message_box("Tutup")
    bad = tmp_path / "bukan.json"
    bad.write_text("{}", encoding="utf-8")
    assert not second.import_template_from(str(bad))
    assert "bukan templat" in seen["text"]


def test_closing_with_unsaved_changes_asks_first(qtbot, designer):
    designer.move_field("qr", 20.0, 20.0)
    assert designer.dirty
    seen = answer_message_box("Batal")
    designer.reject()
    assert designer.isVisible() and "belum disimpan" in seen["text"]
    answer_message_box("Tutup tanpa menyimpan")
    designer.reject()
    assert not designer.isVisible()
