# asyncmod-test: --unsafe-fixes
# A blocking call in `finally:` is moved to a thread too (the fix is unsafe):
# the `await` is a new point where a second cancellation can arrive, and the
# rest of the cleanup is then skipped. Here `main` cancels twice, so after
# the rewrite `log` stays empty where the blocking call finished the cleanup.
import asyncio
import subprocess
import sys

log = []


async def job():
    try:
        await asyncio.sleep(10)
    finally:
        subprocess.run([sys.executable, "-c", "pass"])  # rewrite
        log.append("cleanup done")


async def main():
    t = asyncio.create_task(job())
    await asyncio.sleep(0.01)
    t.cancel()
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        pass
    print(log)


asyncio.run(main())
