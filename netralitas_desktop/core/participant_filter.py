"""Answer each keystroke of the search box quickly at 100,000 participants.

Every answer still comes from ``core.participants.filter_rows``; this only chooses which
rows to hand it, using what earlier keystrokes found:

- A query that extends an earlier one of the same kind (words, or digits for a NIP) can
  only match rows the earlier one matched, so only those are searched.
- A query of several words matches when each word occurs (``filter_rows``' rule), so
  ``dinas k`` is ``k`` searched among the matches of ``dinas `` — one word, not two.
- Recent answers are kept, so backspace costs nothing.

Qt-free, so tests compare it with ``filter_rows`` directly.
"""

from __future__ import annotations

import re
from collections import OrderedDict

from .participants import ParticipantRow, filter_rows

_NUMBER_SEPARATORS = re.compile(r"[\s.\-']")  # as filter_rows tells a NIP search from a word search
KEEP_ANSWERS = 40
NARROW_BELOW = 0.8  # copying most of the rows out costs more than searching them all


def is_number_query(text: str) -> bool:
    return _NUMBER_SEPARATORS.sub("", text.strip()).isdigit()


def split_last_word(query: str) -> tuple[str, str] | None:
    """(everything before the last word, the last word) when the two can be searched apart.

    Not for a digits-only query (a NIP search), nor when the last word or the rest is
    digits: inside a word query digits are sought in the text, alone in the NIP.
    """
    if query != query.rstrip() or is_number_query(query):
        return None
    words = query.split()
    if len(words) < 2:
        return None
    last = words[-1]
    head = query[: len(query) - len(last)]
    if is_number_query(last) or is_number_query(head):
        return None
    return head, last


class IncrementalFilter:
    def __init__(self, rows: list[ParticipantRow]) -> None:
        self._rows = rows
        self._answers: OrderedDict[str, list[int]] = OrderedDict()  # most recent last

    def matches(self, query: str) -> list[int]:
        """Indexes of the rows matching ``query``, in list order, exactly as ``filter_rows``."""
        if query in self._answers:
            self._answers.move_to_end(query)
            return self._answers[query]
        answer = self._answer(query)
        self._answers[query] = answer
        if len(self._answers) > KEEP_ANSWERS:
            self._answers.popitem(last=False)
        return answer

    def _answer(self, query: str) -> list[int]:
        parts = split_last_word(query)
        if parts is not None:
            head, last = parts
            return self._search_within(self.matches(head), last)
        earlier = self._narrowest_earlier(query)
        if earlier is None or len(earlier) > NARROW_BELOW * len(self._rows):
            return filter_rows(self._rows, query)
        return self._search_within(earlier, query)

    def _search_within(self, indexes: list[int], query: str) -> list[int]:
        rows = self._rows
        return [indexes[i] for i in filter_rows([rows[index] for index in indexes], query)]

    def _narrowest_earlier(self, query: str) -> list[int] | None:
        """The answer to the longest earlier query of the same kind that ``query`` extends."""
        number = is_number_query(query)
        best: str | None = None
        for earlier in self._answers:
            if (
                earlier.strip()
                and query.startswith(earlier)
                and is_number_query(earlier) == number
                and (best is None or len(earlier) > len(best))
            ):
                best = earlier
        return None if best is None else self._answers[best]
