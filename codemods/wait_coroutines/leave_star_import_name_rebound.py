"""A star import of asyncio, then a `wait` of the module's own."""
from asyncio import *


async def fetch(n):
    return n


async def main():
    done, pending = await wait([fetch(1), fetch(2)])  # leave: `wait` is below
    return done


async def wait(aws):
    return [await aw for aw in aws], set()
