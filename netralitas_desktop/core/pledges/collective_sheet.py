"""Lembar ikrar bersama: the pledge read together, then everyone's name and signature.

The first page carries the kop, the title and the ikrar text (``kami berikrar``, per-event
wording with its variables filled); the table of people to sign follows over as many
pages as it takes (``signing_list``, ``list_pages``), closed by the event's first signatory.
"""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

from .. import audit
from ..documents import atomic_output
from ..jobs import Job, Progress
from .document_common import DocumentResult, record_export
from .list_pages import render_signing_list
from .pledge_text import fill, variable_values
from .signing_list import ListOptions, SigningList, load_signing_list

FOOTER_NAME = "Lembar Ikrar Bersama"


def load_sheet(event_id: int, options: ListOptions | None = None) -> SigningList:
    spec, settings = load_signing_list(event_id, options or ListOptions(), title="", footer_name=FOOTER_NAME)
    return replace(spec, title=settings.sheet_title, text=fill(settings.sheet_text, variable_values(spec.event)))


def write_pledge_sheet(
    event_id: int,
    target: str | Path,
    options: ListOptions | None = None,
    *,
    progress: Progress | None = None,
    actor: audit.Actor | None = None,
) -> DocumentResult:
    spec = load_sheet(event_id, options)
    with atomic_output(target) as temp:
        pages = render_signing_list(temp, spec, progress=progress)
    result = DocumentResult("pledge_sheet", len(spec.rows), pages, str(target), "pdf")
    record_export(result, event_id=event_id, actor=actor)
    return result


def preview_pledge_sheet(event_id: int, options: ListOptions | None = None) -> bytes:
    buffer = io.BytesIO()
    render_signing_list(buffer, load_sheet(event_id, options), max_pages=1)
    return buffer.getvalue()


class PledgeSheetJob(Job[DocumentResult]):
    title = "Membuat lembar ikrar bersama"

    def __init__(
        self, event_id: int, path: str | Path, options: ListOptions | None = None, *, actor: audit.Actor | None = None
    ) -> None:
        super().__init__()
        self.event_id, self.path, self.options, self.actor = event_id, Path(path), options, actor

    def run(self) -> DocumentResult:
        return write_pledge_sheet(self.event_id, self.path, self.options, progress=self, actor=self.actor)


__all__ = ["PledgeSheetJob", "load_sheet", "preview_pledge_sheet", "write_pledge_sheet"]
