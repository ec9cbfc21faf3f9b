# asyncmod-runtime: compare
"""Functions that exist only when the file runs as a script, called once."""
import asyncio


async def fetch(x):
    await asyncio.sleep(0)
    return f"fetched {x}"


if __name__ == "__main__":

    def inner(x):
        loop = asyncio.new_event_loop()
        try:
            return loop.run_until_complete(fetch(x))  # rewrite, safe: called once
        finally:
            loop.close()

    def cli():
        first = inner(1)
        return first, asyncio.new_event_loop().run_until_complete(fetch(first))  # rewrite, safe

    print(cli())
