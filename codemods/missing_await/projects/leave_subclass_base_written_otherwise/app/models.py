from typing import Generic, TypeVar

T = TypeVar("T")


class Repo(Generic[T]):
    async def put(self, record):
        return record


class Store:
    async def put(self, record):
        return record


class Cache:
    async def put(self, record):
        return record
