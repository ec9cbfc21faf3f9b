# Subclasses whose bases are no plain names: a subscript, a call, and a
# class statement whose bases continue on the next lines. Each replaces
# `put` with a plain `def`, so a call through the base may return None.
from app.models import Cache, Repo, Store


def make_base(cls):
    return cls


class Memory(Repo[int]):
    def put(self, record):
        print("stored", record)


class Logged(make_base(Store)):
    def put(self, record):
        print("logged", record)


class Local(
    Cache,
):
    def put(self, record):
        print("cached", record)
