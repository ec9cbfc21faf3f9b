# asyncmod-test: --unsafe-fixes
# asyncmod-runtime: compare
import asyncio


async def lookup(key):
    await asyncio.sleep(0.01 * (len(key) % 3))
    return key.upper()


async def pair(key):
    await asyncio.sleep(0.005)
    return key, len(key)


async def combine(*parts):
    await asyncio.sleep(0)
    return "+".join(str(p) for p in parts)


async def main():
    first = await lookup("alpha")  # rewrite: first group
    name, size = await pair("beta")
    # the next statement reads `first`: a second group starts here
    joined = await combine(first, name)
    other = await lookup("gamma")
    total = await combine(joined, other, size)  # reads both: on its own
    return total


print(asyncio.run(main()))
