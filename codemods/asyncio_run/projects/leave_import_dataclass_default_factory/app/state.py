import asyncio
from dataclasses import dataclass, field


@dataclass
class Signals:
    done: asyncio.Future = field(default_factory=asyncio.Future)


SIGNALS = Signals()


def get():
    return SIGNALS.done
