# asyncmod-runtime: compare
# A tuple written against `except` or `as` loses its parentheses when it
# collapses to one name: the name keeps a space on each side it needs.
import asyncio


async def fetch():
    try:
        await asyncio.wait_for(asyncio.sleep(1), 0.01)
    except(asyncio.TimeoutError, TimeoutError):
        return "timed out"


async def fetch_again():
    try:
        await asyncio.wait_for(asyncio.sleep(1), 0.01)
    except (asyncio.TimeoutError,TimeoutError)as error:
        return f"timed out again: {type(error).__name__}"


print(asyncio.run(fetch()))
print(asyncio.run(fetch_again()))
