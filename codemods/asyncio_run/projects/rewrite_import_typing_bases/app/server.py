import asyncio
from typing import Generic, NamedTuple, TypeVar

T = TypeVar("T")


class Box(Generic[T]):
    pass


class Point(NamedTuple):
    x: int
    y: int = 0


async def serve():
    await asyncio.sleep(0)
    print("served", Point(1), type(Box()).__name__)
