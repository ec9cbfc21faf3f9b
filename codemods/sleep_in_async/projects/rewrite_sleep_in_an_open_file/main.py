# asyncmod-runtime: compare
# A sleep inside `with open(...)`, `contextlib.suppress(...)` of an error the
# sleep does not raise, or `contextlib.nullcontext()`: those contexts hold
# nothing other tasks share, so the sleep is rewritten as anywhere else.
import asyncio
import contextlib
import os
import tempfile
import time


async def write(path, text):
    with open(path, "w") as out:
        out.write(text)
        time.sleep(0.01)


async def tidy(path):
    with contextlib.suppress(FileNotFoundError):
        os.remove(path + ".bak")
        time.sleep(0.01)
    with contextlib.nullcontext():
        time.sleep(0.01)


async def main():
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "out.txt")
        await write(path, "hello")
        await tidy(path)
        with open(path) as f:
            print(f.read())


asyncio.run(main())
