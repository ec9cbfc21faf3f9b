# asyncmod-test: --unsafe-fixes
import asyncio
import functools
import json


async def load(path, loop: asyncio.AbstractEventLoop):
    # rewrite: the executor line goes, the rest keeps its layout
    text = await loop.run_in_executor(
        None,
        functools.partial(read_text, path, encoding="utf-8"),
    )
    return json.loads(text)


async def dump(obj, path, loop: asyncio.AbstractEventLoop):
    await loop.run_in_executor(None,
                               write_text,  # rewrite: comments after the function stay
                               path, json.dumps(obj))


def read_text(path, encoding):
    with open(path, encoding=encoding) as handle:
        return handle.read()


def write_text(path, text):
    with open(path, "w") as handle:
        handle.write(text)
