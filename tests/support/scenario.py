"""An event after the day, as documents see it: people in the room (some late), online, with
reasons for absence, signatures from the desk, forms that came back — on a fixed date, so the
rendered pages are the same on every run.

Rows are written straight into the tables (as the desks and the online import would have left
them) because this is the input of the documents under test, not the check-in under test.
"""

from __future__ import annotations

import datetime as dt
import io
import random
from dataclasses import dataclass, field

from PIL import Image, ImageDraw, ImageFilter

from netralitas_desktop.core.demo import create_demo_event, demo_event_data
from netralitas_desktop.core.documents.images import with_print_copy
from netralitas_desktop.core.events import get_event, update_event
from netralitas_desktop.core.models import AppSetting, Attendance, Registration, Signature, db
from netralitas_desktop.core.pledges.models import IkrarReturn
from netralitas_desktop.core.qr_payload import SECRET_SETTING
from netralitas_desktop.core.reports.models import Absence

EVENT_DAY = dt.date(2024, 11, 20)  # a Wednesday, a week before the 2024 Pilkada
LATE = dt.time(13, 30)
INK = (13, 27, 76, 255)


def pad_signature(rng: random.Random, *, print_copy: bool = True) -> bytes:
    """A signature as the desk's pad saves it (~630 × 270 px): dark-blue strokes with soft edges on
    transparency, wide margins, with its print copy as ``save_signature`` stores it (unless not
    ``print_copy``: as an older version stored it)."""
    width, height = 632, 272
    image = Image.new("RGBA", (width, height), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    for _ in range(rng.randint(2, 3)):
        x, y = rng.randint(60, 200), rng.randint(80, 190)
        points = [(x, y)]
        for _ in range(rng.randint(8, 14)):
            x = min(width - 60, max(60, x + rng.randint(10, 45)))
            y = min(height - 60, max(60, y + rng.randint(-60, 60)))
            points.append((x, y))
        draw.line(points, fill=INK, width=6, joint="curve")
    out = io.BytesIO()
    image.filter(ImageFilter.BoxBlur(0.6)).save(out, "PNG")
    return with_print_copy(out.getvalue()) if print_copy else out.getvalue()


@dataclass
class Scenario:
    event_id: int
    in_room: list[int] = field(default_factory=list)
    late: list[int] = field(default_factory=list)
    online: list[int] = field(default_factory=list)
    izin: list[int] = field(default_factory=list)
    sakit: list[int] = field(default_factory=list)
    dinas_luar: list[int] = field(default_factory=list)
    absent: list[int] = field(default_factory=list)
    signed: list[int] = field(default_factory=list)
    returned: list[int] = field(default_factory=list)

    @property
    def present(self) -> list[int]:
        return self.in_room + self.online


def make_scenario(people: int = 60, *, seed: int = 11) -> Scenario:
    """``people`` demo participants: 60% in the room (every 12th late, at 13.30), 10% online,
    izin / sakit / dinas luar a few each, the rest absent; two thirds of those in the room signed
    at the desk, two of the absent returned an ikrar mandiri form."""
    # A fixed QR secret: invitation and ikrar mandiri codes, and so the rendered pages, repeat.
    AppSetting.insert(key=SECRET_SETTING, value=bytes(range(32)).hex()).on_conflict_ignore().execute()
    event_id = create_demo_event(people)
    data = demo_event_data(EVENT_DAY - dt.timedelta(days=7))
    data.id = event_id
    update_event(data)
    ids = [
        registration_id
        for (registration_id,) in Registration.select(Registration.id)
        .where(Registration.event == event_id)
        .order_by(Registration.id)
        .tuples()
    ]
    rng = random.Random(seed)
    rng.shuffle(ids)
    room, online = round(people * 0.6), round(people * 0.1)
    scenario = Scenario(event_id)
    scenario.in_room, rest = ids[:room], ids[room:]
    scenario.online, rest = rest[:online], rest[online:]
    scenario.izin, scenario.sakit, scenario.dinas_luar, scenario.absent = rest[:2], rest[2:4], rest[4:6], rest[6:]
    start = dt.datetime.combine(EVENT_DAY, dt.time(7, 30))
    with db.atomic():
        for index, registration_id in enumerate(scenario.in_room):
            at = dt.datetime.combine(EVENT_DAY, LATE) if index % 12 == 5 else start + dt.timedelta(minutes=index % 50)
            if index % 12 == 5:
                scenario.late.append(registration_id)
            Attendance.create(registration=registration_id, checked_in_at=at, desk="Meja 1", operator="Sari")
        for registration_id in scenario.online:
            Attendance.create(
                registration=registration_id, checked_in_at=start + dt.timedelta(minutes=35), method="online"
            )
        for reason, group in (("izin", scenario.izin), ("sakit", scenario.sakit), ("dinas_luar", scenario.dinas_luar)):
            for registration_id in group:
                Absence.create(registration=registration_id, reason=reason, note="")
        scenario.signed = scenario.in_room[: len(scenario.in_room) * 2 // 3]
        for registration_id in scenario.signed:
            Signature.create(registration=registration_id, png=pad_signature(rng), desk="Meja 1")
        scenario.returned = scenario.absent[:2]
        for registration_id in scenario.returned:
            IkrarReturn.create(registration=registration_id, method="qr", desk="Meja 1")
    assert get_event(event_id).date == EVENT_DAY
    return scenario


__all__ = ["EVENT_DAY", "LATE", "Scenario", "make_scenario", "pad_signature"]
