# asyncmod-runtime: compare
# rewrite (safe): `plugins.py`, a plugin loader, takes modules out of `sys.modules` and imports
# them again from their own files, which puts no other object there; the run
# sits in the main guard, which an import never runs again
import asyncio

from cache import work

if __name__ == "__main__":
    loop = asyncio.new_event_loop()
    try:
        result = loop.run_until_complete(work())
    finally:
        loop.close()
    print(result)
