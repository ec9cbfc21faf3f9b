# asyncmod-runtime: compare
# leave (unsafe): `current_loop()` caches the running loop the first time
# `main()` calls it; after the run the code runs more on it, which
# `asyncio.run` would have closed
import asyncio
import functools


@functools.lru_cache(maxsize=None)
def current_loop():
    return asyncio.get_running_loop()


async def main():
    current_loop()
    await asyncio.sleep(0)
    return 1


if __name__ == "__main__":
    loop = asyncio.new_event_loop()
    result = loop.run_until_complete(main())
    try:
        print(result, current_loop().run_until_complete(asyncio.sleep(0, "again")))
    except RuntimeError as e:
        print(result, "RuntimeError", e)
