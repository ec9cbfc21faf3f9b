import ast
import asyncio
import os

PEERS = []
# A chain of names longer than the analysis follows: not known above zero.
A = 0
B = A
C = B
D = C
E = D
F = E
G = F
CHAINED = G


async def counted(q, items=()):
    # leave, reported: a count may be zero (`len([])`, `sum([])`)
    await asyncio.wait_for(q.get(), len(PEERS))
    await asyncio.wait_for(q.get(), sum(PEERS))
    # leave, reported: the smaller of a count and five may be zero
    await asyncio.wait_for(q.get(), min(len(PEERS), 5))
    # leave, reported: a count times two is still zero for no items
    await asyncio.wait_for(q.get(), len(items) * 2)
    # leave, reported: the length of a setting that may be empty
    await asyncio.wait_for(q.get(), len(os.environ.get("APP_T", "")))


async def counted_default(q, t=len(())):
    # leave, reported: the default is a count, zero here
    await asyncio.wait_for(q.get(), t)


async def other_calls(q):
    # leave, reported: a call's result is not known to be above zero
    await asyncio.wait_for(q.get(), ast.literal_eval(os.environ.get("APP_T", "0")))
    await asyncio.wait_for(q.get(), "abc".index("a"))
    # leave, reported: `find` gives -1 when not found, plus one is zero
    await asyncio.wait_for(q.get(), "abc".find("z") + 1)
    # leave, reported: an element of a call's result
    await asyncio.wait_for(q.get(), divmod(5, 5)[1])
    # leave, reported: the quotient underflows to zero
    await asyncio.wait_for(q.get(), 1 / 10**400)
    # leave, reported: the chain is longer than followed
    await asyncio.wait_for(q.get(), CHAINED)
