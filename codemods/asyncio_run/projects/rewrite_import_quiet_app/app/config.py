"""Settings: literals only."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

NAME = "app"
RETRIES: int = 3
LEVELS = {"debug": logging.DEBUG, "info": logging.INFO}
DEFAULT_LEVEL = LEVELS["info"]
ORDER: Sequence[str] = ("debug", "info")
