import asyncio
from typing import Optional

Number = int
MaybeSettings = Optional["Settings"]


class Settings:
    """Plain values: nothing stateful."""

    def __init__(self):
        self.timeout = 3
        self.name = str("shop")


class Strict(Settings):
    retries: int = 2


class Jobs:
    """A queue may serve several tasks at once."""

    def __init__(self):
        self.queue = asyncio.Queue()


class Channel:
    """Holds a stream writer: one operation at a time."""

    writer: Optional[asyncio.StreamWriter] = None


def make_settings() -> Settings:
    return Settings()
