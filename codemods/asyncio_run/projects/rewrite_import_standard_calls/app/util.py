"""Import-time calls of the standard library that run no project code."""

import enum
import functools
import logging
import os
import re
from collections import namedtuple
from dataclasses import dataclass, field
from pathlib import Path
from typing import NewType, TypeVar

logger = logging.getLogger(__name__)
PREFIX = os.environ.get("APP_PREFIX", "")
HOME = os.getenv("APP_HOME") or str
WORD = re.compile(r"\w+")
HERE = Path(__file__).parent
Point = namedtuple("Point", ["x", "y"])
T = TypeVar("T")
UserId = NewType("UserId", int)
MISSING = object()


def make_tags():
    return ["a"]


class Color(enum.Enum):
    RED = enum.auto()
    GREEN = 2


@dataclass(frozen=True)
class Item:
    n: int
    # the project function is stored, called only when an `Item` is made
    tags: list = field(default_factory=make_tags)

    @property
    def double(self):
        return self.n * 2

    @staticmethod
    def zero():
        return 0


@functools.lru_cache(maxsize=None)
def square(n):
    return n * n


async def fetch(n):
    logger.debug("fetched %s", n)
    return f"{(Item(square(n)).double, Color.RED.name, Point(1, 2).x, bool(WORD.match('w')))}"
