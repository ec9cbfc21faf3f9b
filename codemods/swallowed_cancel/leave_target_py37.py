# asyncmod-test: --unsafe-fixes --target-version py37
import asyncio


async def poll(source):
    try:
        await source.fetch()
    except:  # leave: the codemod starts at 3.8, where CancelledError became a BaseException
        pass
