"""Nothing a coroutine here does is printed: the output stays the same
before and after the fix, and an `await` added on something that is no
coroutine would make the program fail."""
import asyncio

done = []


async def save(record):
    await asyncio.sleep(0)
    done.append(record)


def describe(record):
    return f"record {record}"


class Repo:
    async def put(self, item):
        done.append(("put", item))

    def size(self):
        return len(done)


repo = Repo()
