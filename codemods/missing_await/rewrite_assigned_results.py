# asyncmod-test: --unsafe-fixes
"""`result = fetch()` in a coroutine, where `result` is then used as the
result, never as a coroutine. Before the fix each use raises (a coroutine
object cannot be subscripted, iterated, ...); after it, the same functions
run to the end. Not compared at run time: a caller catching the error to
make both runs print the same would make the fix unsafe (the failure would
be part of what the program does), so before the fix this program fails."""
import asyncio
import json

seen = []


async def fetch_data(key):
    await asyncio.sleep(0)
    return {"key": key, "items": [1, 2, 3]}


class Repo:
    async def load(self, n):
        return list(range(n))

    async def total(self):
        rows = self.load(3)  # rewrite: safe, iterated
        return sum(rows)


async def subscripted():
    result = fetch_data("a")  # rewrite: safe
    seen.append(result["key"])


async def iterated():
    data = fetch_data("b")  # rewrite: safe
    for item in data["items"]:
        seen.append(item)


async def unpacked():
    payload: dict = fetch_data("c")  # rewrite: safe, annotated
    key, items = payload.values()
    seen.append((key, len(items)))


async def serialised():
    result = fetch_data("d")  # rewrite: safe
    seen.append(json.dumps(result))


async def in_a_loop():
    for key in "ef":
        result = fetch_data(key)  # rewrite: safe, one binding in the loop
        seen.append(result.get("key"))


async def with_a_none_check():
    result = fetch_data("g")  # rewrite: unsafe, `is None` passes silently
    if result is None:
        return
    seen.append(result["key"])


async def never_used():
    _ = fetch_data("h")  # rewrite: safe, dropped as a statement would be


async def main():
    jobs = [subscripted, iterated, unpacked, serialised, in_a_loop]
    jobs += [with_a_none_check, never_used, Repo().total]
    # No handler: a caller catching the `TypeError` would make the reads'
    # failure part of what the program does.
    for job in jobs:
        await job()
    print("done")


asyncio.run(main())
