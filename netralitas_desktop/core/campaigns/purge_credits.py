"""What a purge keeps of the campaigns: every member the event covered stays covered.

``purge.purge_event`` calls ``keep_coverage`` inside its transaction, before the event's
registrations go. For each campaign that counts the event, a ``CoverageCredit`` per member
the event covered records the route and nothing else (no time, desk, signature or name:
the member is the master roster's, which the purge does not touch). The campaign's totals
and its list of who still owes are therefore the same after the purge as before it.
"""

from __future__ import annotations

from ..models import now
from ..roster.bulk import chunks
from .models import CampaignEvent, CoverageCredit
from .pledged import pledged_members


def keep_coverage(event_id: int) -> int:
    """Credit the members ``event_id`` covered in every campaign counting it; returns credits written."""
    campaigns = [
        campaign_id
        for (campaign_id,) in CampaignEvent.select(CampaignEvent.campaign)
        .where(CampaignEvent.event == event_id)
        .tuples()
    ]
    if not campaigns:
        return 0
    routes, _ = pledged_members([event_id], keep=False)
    kept = set(
        CoverageCredit.select(CoverageCredit.campaign, CoverageCredit.member)
        .where(CoverageCredit.event == event_id)
        .tuples()
    )
    stamp = now()
    rows = [
        {"campaign": campaign_id, "member": member_id, "event": event_id, "route": route, "credited_at": stamp}
        for campaign_id in campaigns
        for member_id, route in sorted(routes.items())
        if (campaign_id, member_id) not in kept
    ]
    for batch in chunks(rows, 100):
        CoverageCredit.insert_many(list(batch)).execute()
    return len(rows)


__all__ = ["keep_coverage"]
