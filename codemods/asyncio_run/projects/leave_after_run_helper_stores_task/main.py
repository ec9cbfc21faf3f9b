# asyncmod-runtime: compare
# leave (unsafe): `main()` hands a task to `remember()`, a plain function that
# keeps it in `STATE`; read after the run, it was cancelled by `asyncio.run`
import asyncio

STATE = {}


def remember(task):
    STATE["task"] = task


async def background():
    await asyncio.sleep(10)


async def main():
    remember(asyncio.create_task(background()))
    await asyncio.sleep(0)
    return 1


if __name__ == "__main__":
    loop = asyncio.new_event_loop()
    try:
        result = loop.run_until_complete(main())
    finally:
        loop.close()
    print(result, "cancelled:", STATE["task"].cancelled())
