# asyncmod-test: --unsafe-fixes
# asyncmod-runtime: compare
import asyncio

BASE = "user:"


def key(uid):
    return BASE + str(uid)


async def fetch_user(uid):
    await asyncio.sleep(0.001 * (uid % 3))
    return {"id": uid, "key": key(uid)}


async def fetch_pair(a, b, scale=1):
    await asyncio.sleep(0)
    return (a + b) * scale


async def load_users(ids):
    # rewrite: the guides' own example
    users = []
    for uid in ids:
        users.append(await fetch_user(uid))
    return users


async def load_annotated(ids):
    # rewrite: an annotated list, comments kept
    found: list = []
    for uid in ids:  # every id
        found.append(await fetch_user(uid))  # one by one
    return [u["key"] for u in found]


async def sums(pairs):
    # rewrite: tuple targets, a constant argument
    SCALE = 10
    return [await fetch_pair(a, b, scale=SCALE) for a, b in pairs]


async def filtered(ids):
    # rewrite: a condition that only reads
    return [await fetch_user(uid) for uid in ids if uid % 2]


async def first(ids):
    # rewrite: inside a larger expression
    return [await fetch_user(uid) for uid in ids][0]["id"]


async def empty():
    # rewrite: no iteration at all
    return [await fetch_user(uid) for uid in ()]


async def main():
    print(await load_users([1, 2, 3]))
    print(await load_annotated([4, 5]))
    print(await sums([(1, 2), (3, 4)]))
    print(await filtered(range(6)))
    print(await first([7, 8]))
    print(await empty())


asyncio.run(main())
