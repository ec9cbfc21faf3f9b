"""The application's own asyncio helpers."""
import asyncio as _aio


def run(coro):
    print("app runner")
    return _aio.run(coro)
