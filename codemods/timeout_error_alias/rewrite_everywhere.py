import asyncio
from typing import Type

import pytest


class DeadlineExceeded(asyncio.TimeoutError):  # rewrite: a base class
    pass


def is_timeout(error: BaseException) -> bool:
    return isinstance(error, asyncio.TimeoutError)  # rewrite


async def expire(job):
    if job.expired:
        raise asyncio.TimeoutError(f"{job} expired")  # rewrite
    raise asyncio.exceptions.TimeoutError  # rewrite: the same class, spelled longer


ERRORS: "tuple[Type[BaseException], ...]" = (OSError, asyncio.TimeoutError)  # rewrite


def test_expire(job):
    with pytest.raises(asyncio.TimeoutError):  # rewrite
        asyncio.run(expire(job))
