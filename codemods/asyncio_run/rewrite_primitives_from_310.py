# asyncmod-test: --target-version py310
# asyncmod-runtime: compare
"""From Python 3.10 a queue or lock binds to a loop on first use, in the run."""
import asyncio

JOBS = asyncio.Queue()
LOCK = asyncio.Lock()


async def main():
    async with LOCK:
        await JOBS.put("job")
        job = await JOBS.get()
        return f"got {job}"


if __name__ == "__main__":
    loop = asyncio.get_event_loop()
    print(loop.run_until_complete(main()))  # rewrite, safe
