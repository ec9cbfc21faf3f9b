"""A star import of asyncio binds its `wait`, which rejects coroutines since 3.11."""
from asyncio import *


async def fetch(n):
    return n


async def main():
    done, pending = await wait([fetch(1), fetch(2)])
    return sorted(task.result() for task in done)
