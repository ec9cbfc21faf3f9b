# asyncmod-runtime: compare
# leave (unsafe): `track()`, called by `main()`, keeps a task in a class
# attribute, read after the run
import asyncio


class Registry:
    tasks = []


def track(task):
    Registry.tasks.append(task)


async def background():
    await asyncio.sleep(10)


async def main():
    track(asyncio.create_task(background()))
    await asyncio.sleep(0)
    return 1


if __name__ == "__main__":
    loop = asyncio.new_event_loop()
    try:
        result = loop.run_until_complete(main())
    finally:
        loop.close()
    print(result, "cancelled:", Registry.tasks[0].cancelled())
