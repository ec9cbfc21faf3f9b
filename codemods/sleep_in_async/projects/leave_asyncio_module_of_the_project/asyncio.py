"""The project's own `asyncio` at its root: `import asyncio` in its modules
finds this file, not the standard library's."""


def sleep(seconds):
    return seconds
