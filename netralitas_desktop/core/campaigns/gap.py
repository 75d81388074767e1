"""Closing the gap: ikrar mandiri forms for everyone still owing, per OPD, with a cover letter to its head.

The forms are the ikrar mandiri forms of ``pledges.ikrar_mandiri`` (same pledge text, kop,
fields and signed ``NTM1`` code) of the campaign's own ikrar mandiri event: the members
still owing are registered there, so a signed form comes back as today — scanned at that
event's desk or Ikrar Mandiri tab, or in the campaign view — and counts at once, the event
being one of the campaign's. The event is made on first use from the campaign's latest
event: its details, document settings, kop and signatory images, so the letters and forms
look like the campaign's other papers.

One PDF per OPD: the cover letter and its Lampiran (the names), then one form per person
in the same order. For one OPD the PDF is the target; for all, the target is a folder.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .. import audit
from ..documents import Paper, UniqueNames, atomic_output, new_canvas, safe_filename
from ..event_settings import get_asset, put_asset
from ..events import EventData, NotFoundError, ValidationError, create_event, get_event
from ..jobs import Job, Progress
from ..models import Event, Person, now
from ..participants import PERSON_FIELDS, PersonData, list_participants, merge_person, register
from ..pledges import mandiri_code, returns
from ..pledges.document_common import NothingToPrint, save_canvas
from ..pledges.document_settings import (
    IMAGE_ASSETS,
    SIGNATORY_SIGNATURE,
    SIGNATORY_STAMP,
    letterhead_for,
    load_document_settings,
    save_document_settings,
)
from ..pledges.ikrar_mandiri import mandiri_form
from ..pledges.mandiri_attachment import Attachment
from ..pledges.pledge_forms import draw_pledge_form, form_page, load_pledge_context
from ..reasons import Reason, ReasonCode
from ..reports.tables import event_paper
from ..transactions import write_transaction
from .cover_letter import CoverLetter, draw_cover_letter, letter_page
from .coverage import Coverage, MemberRow, load_coverage, owing_rows
from .models import Campaign, CampaignEvent, RosterMember
from .service import get_campaign, template_event

DOCUMENT = "ikrar_mandiri_kampanye"
TITLE_PREFIX = "Ikrar Mandiri \u2013 "
NO_EVENTS = (
    "Tambahkan dulu kegiatan ke kampanye ini: formulir ikrar mandiri memakai teks ikrar, kop surat dan "
    "penanda tangan kegiatannya."
)


@dataclass(frozen=True)
class GapResult:
    path: str  # the PDF, or the folder of one PDF per OPD
    units: int
    people: int
    pages: int
    files: int
    event_id: int  # the campaign's ikrar mandiri event, where the forms are received

    def to_dict(self) -> dict[str, Any]:
        return {"ok": True, **self.__dict__}


# --- the campaign's ikrar mandiri event ----------------------------------------------------------------------


def ensure_mandiri_event(campaign_id: int, *, actor: audit.Actor | None = None) -> int:
    """The campaign's ikrar mandiri event, made from its latest event on first use."""
    with write_transaction():
        campaign = get_campaign(campaign_id)
        if campaign.mandiri_event_id is not None:
            return campaign.mandiri_event_id
        template = template_event(campaign_id)
        if template is None:
            raise ValidationError({"campaign": NO_EVENTS})
        source = get_event(template)
        data = replace(
            source,
            id=None,
            title=(TITLE_PREFIX + campaign.name)[:300],
            kind="ikrar",
            date=campaign.deadline,
            start_time=None,
            end_time=None,
            venue="",
            signature_required=False,
        )
        event_id = create_event(data, actor=actor)
        save_document_settings(event_id, load_document_settings(template), actor=actor)
        for kind in IMAGE_ASSETS:
            image = get_asset(template, kind)
            if image is not None:
                put_asset(event_id, kind, image)
        CampaignEvent.insert(campaign=campaign_id, event=event_id, added_at=now()).on_conflict_ignore().execute()
        Campaign.update(mandiri_event=event_id, updated_at=now()).where(Campaign.id == campaign_id).execute()
        audit.record("campaign.mandiri_event", actor=actor, event_id=event_id, campaign_id=campaign_id)
    return event_id


def register_owing(event_id: int, member_ids: list[int], *, actor: audit.Actor | None = None) -> dict[int, int]:
    """Register members in the ikrar mandiri event (as the roster has them now); member id -> registration id."""
    registrations = {}
    with write_transaction():
        for member_id in member_ids:
            member = RosterMember.get_or_none(RosterMember.id == member_id)
            if member is None:
                continue
            data = PersonData(**{name: getattr(member, name) or "" for name in PERSON_FIELDS})
            registration, _ = register(event_id, _person_for(data))
            registrations[member_id] = registration.id
        audit.record("campaign.register_owing", actor=actor, event_id=event_id, count=len(registrations))
    return registrations


def _person_for(data: PersonData) -> int:
    """The person with the member's NIP (else NIK), updated to the roster's data; created when new.

    A number held by a different person on record is left to them, never moved over.
    """
    by_nip = Person.get_or_none(Person.nip == data.nip) if data.nip else None
    by_nik = Person.get_or_none(Person.nik == data.nik) if data.nik else None
    person = by_nip
    if person is None and by_nik is not None and not (data.nip and by_nik.nip and by_nik.nip != data.nip):
        person = by_nik
    if by_nik is not None and (person is None or by_nik.id != person.id):
        data = replace(data, nik="")
    if person is None:
        values = {name: getattr(data, name) for name in PERSON_FIELDS}
        values["nip"], values["nik"] = data.nip or None, data.nik or None
        return Person.create(**values).id
    changes = merge_person(person, data)
    if changes:
        Person.update(**changes, updated_at=now()).where(Person.id == person.id).execute()
    return person.id


# --- the PDFs ------------------------------------------------------------------------------------------------


def _letter(
    event: EventData, event_id: int, unit: str, rows: list[MemberRow], name: str, deadline: dt.date
) -> CoverLetter:
    return CoverLetter(
        unit=unit,
        rows=rows,
        campaign_name=name,
        deadline=deadline,
        as_of=dt.date.today(),
        instansi=event.instansi,
        organizer=event.organizer or event.instansi,
        place=event.place_name,
        signatory=event.signatory1,
        letterhead=letterhead_for(event_id),
        signature=get_asset(event_id, SIGNATORY_SIGNATURE),
        stamp=get_asset(event_id, SIGNATORY_STAMP),
    )


def write_gap_forms(
    campaign_id: int,
    target: str | Path,
    *,
    unit_key: str | None = None,
    paper: Paper | None = None,
    progress: Progress | None = None,
    actor: audit.Actor | None = None,
    coverage: Coverage | None = None,
) -> GapResult:
    """Forms for everyone still owing in one OPD (``target`` a PDF) or in all (``target`` a folder)."""
    progress = progress or Progress()
    progress.report(0, 0, "Membaca siapa yang belum berikrar…")
    coverage = coverage or load_coverage(campaign_id)
    chosen = coverage.unit(unit_key) if unit_key is not None else None
    if unit_key is not None and chosen is None:
        raise NotFoundError("OPD itu tidak ada di daftar induk.")
    rows = owing_rows(coverage, unit_key)
    if not rows:
        where = chosen.label if chosen is not None else "kampanye ini"
        raise NothingToPrint(f"Tidak ada pegawai {where} yang belum berikrar atau dikecualikan.")
    event_id = ensure_mandiri_event(campaign_id, actor=actor)
    progress.report(0, 0, "Mendaftarkan pegawai pada kegiatan ikrar mandiri…")
    registrations = register_owing(event_id, [row.member_id for row in rows], actor=actor)
    participants = {row.registration_id: row for row in list_participants(event_id)}
    event = get_event(event_id)
    paper = paper or event_paper(event_id)
    context = load_pledge_context(event_id)
    groups: dict[str, list[MemberRow]] = {}
    for row in rows:
        groups.setdefault(coverage.member_units[row.member_id], []).append(row)
    names = UniqueNames()
    folder = Path(target)
    done = pages = 0
    for number, (key, members) in enumerate(groups.items(), 1):
        group = coverage.unit(key)
        assert group is not None, "an owing member's unit is one of the coverage's"
        unit = group.label
        path = folder / names.take(safe_filename(f"{number:02d} {unit}", "pdf")) if unit_key is None else folder
        with atomic_output(path) as temp:
            canvas = new_canvas(
                temp,
                letter_page(paper),
                title=f"Formulir Ikrar Mandiri \u2013 {unit}",
                subject=f"Surat pengantar dan formulir ikrar mandiri: {coverage.campaign.name}",
                author=event.organizer or event.instansi,
            )
            letter = _letter(event, event_id, unit, members, coverage.campaign.name, coverage.campaign.deadline)
            pages += draw_cover_letter(canvas, letter_page(paper), letter)
            for member in members:
                progress.check_cancelled()
                participant = participants[registrations[member.member_id]]
                draw_pledge_form(canvas, form_page(paper), mandiri_form(context, participant))
                canvas.showPage()
                done += 1
                pages += 1
                progress.report(done, len(rows), f"Formulir {done} dari {len(rows)}")
            save_canvas(canvas, "formulir ikrar mandiri")
    result = GapResult(str(target), len(groups), len(rows), pages, len(groups), event_id)
    audit.record_export(
        event_id,
        DOCUMENT,
        count=len(rows),
        pages=pages,
        format="pdf" if unit_key is not None else "folder",
        files=len(groups),
        actor=actor,
        campaign_id=campaign_id,
    )
    return result


# --- receiving ----------------------------------------------------------------------------------------------


def receive_form(
    campaign_id: int, text: str, actor: audit.Actor, attachment: Attachment | None = None
) -> returns.ReturnResult:
    """A signed ikrar mandiri form of any of the campaign's events, received where it belongs."""
    campaign = get_campaign(campaign_id)
    try:
        decoded = mandiri_code.decode(text)
    except mandiri_code.ScannedCodeError as err:
        return returns.refused(err.reason)
    if decoded.event_id not in campaign.event_ids:
        title = Event.select(Event.title).where(Event.id == decoded.event_id).scalar()
        if title:
            return returns.refused(Reason.of(ReasonCode.FORM_OUTSIDE_CAMPAIGN, title=title))
        return returns.refused(Reason.of(ReasonCode.FORM_DELETED_OUTSIDE_CAMPAIGN))
    return returns.receive_by_code(decoded.event_id, text, actor, attachment)


class GapFormsJob(Job[GapResult]):
    title = "Membuat formulir ikrar mandiri per OPD"

    def __init__(
        self,
        campaign_id: int,
        target: str | Path,
        *,
        unit_key: str | None = None,
        paper: Paper | None = None,
        actor: audit.Actor | None = None,
    ) -> None:
        super().__init__()
        self.campaign_id, self.target, self.unit_key, self.paper, self.actor = (
            campaign_id,
            Path(target),
            unit_key,
            paper,
            actor,
        )

    def run(self) -> GapResult:
        return write_gap_forms(
            self.campaign_id, self.target, unit_key=self.unit_key, paper=self.paper, progress=self, actor=self.actor
        )


__all__ = [
    "DOCUMENT",
    "GapFormsJob",
    "GapResult",
    "ensure_mandiri_event",
    "receive_form",
    "register_owing",
    "write_gap_forms",
]
