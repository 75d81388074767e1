"""Tables of the offline-package feature (created by schema v4)."""

from __future__ import annotations

MODELS: list = []
