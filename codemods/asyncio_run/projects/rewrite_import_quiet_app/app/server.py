from __future__ import annotations

import asyncio

from . import format as fmt
from .config import NAME, RETRIES
from .errors import AppError, NotFound


class Missing(NotFound):
    """A base of a quiet module: the class statement runs nothing."""


class Handler:
    """Handles one request."""

    retries = RETRIES

    def __init__(self, name: str) -> None:
        self.name = name

    async def handle(self) -> str:
        await asyncio.sleep(0)
        return fmt.banner(self.name)


async def main(argv: list[str]) -> int:
    handler = Handler(NAME)
    print(await handler.handle(), handler.retries, argv)
    try:
        raise Missing("missing")
    except AppError as error:
        print("caught", type(error).__name__, error.code)
    return 0
