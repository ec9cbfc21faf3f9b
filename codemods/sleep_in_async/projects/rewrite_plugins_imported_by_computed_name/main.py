# asyncmod-runtime: compare
# Plugins are imported by a computed name, but nothing of the project names
# trio: the coroutine runs on asyncio, and the sleep becomes asyncio's.
import asyncio
import importlib

from app.work import work

NAMES = ["echo"]
plugins = [importlib.import_module(f"app.plugins.{name}") for name in NAMES]
print("plugins", [p.NAME for p in plugins])
print("result", asyncio.run(work()))
