"""PDFium (pypdfium2) is used through core/pdfium.py only, whose lock lets any thread use it safely."""

from __future__ import annotations

import io
import threading

from netralitas_desktop.core.pdfium import use_pdfium
from netralitas_desktop.gui.common.pdf_pages import page_count, render_page
from support.package_imports import PACKAGE, top_level_imports


def test_only_core_pdfium_imports_pypdfium2():
    users = [p.relative_to(PACKAGE).as_posix() for p in PACKAGE.rglob("*.py") if "pypdfium2" in top_level_imports(p)]
    assert users == ["core/pdfium.py"]


def _pdf(pages: int) -> bytes:
    with use_pdfium() as pdfium:
        document = pdfium.PdfDocument.new()
        for _ in range(pages):
            document.new_page(595, 842)
        buffer = io.BytesIO()
        document.save(buffer)
        document.close()
    return buffer.getvalue()


def test_threads_rendering_at_once_are_serialised_and_all_succeed(qapp):
    data = _pdf(3)
    results: list[tuple[int, int]] = []
    failures: list[BaseException] = []

    def work() -> None:
        try:
            for index in range(page_count(data)):
                image = render_page(data, index, 36)
                results.append((image.width(), image.height()))
        except BaseException as err:  # collected for the assertion below
            failures.append(err)

    threads = [threading.Thread(target=work) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert failures == [] and len(results) == 18 and set(results) == {(298, 421)}
