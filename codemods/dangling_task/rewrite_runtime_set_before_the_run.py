# asyncmod-test: --unsafe-fixes
# asyncmod-runtime: compare
# A set bound at module level after the functions but before the line that
# runs them is in place whenever they run: it is reused.
import asyncio


async def audit(x):
    await asyncio.sleep(0.01)
    print("audit", x)


async def handle(x):
    asyncio.create_task(audit(x))  # rewrite: reuses the set below
    return "ok"


async def main():
    print(await handle(1))
    await asyncio.sleep(0.05)
    print("kept until done:", len(_background_tasks))


_background_tasks = set()

if __name__ == "__main__":
    asyncio.run(main())
