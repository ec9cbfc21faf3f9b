# asyncmod-test: --unsafe-fixes
# asyncmod-runtime: compare
import asyncio

task = "module task"
background_task = "module background_task"


async def work():
    await asyncio.sleep(0)


def show():
    print(task, background_task)


async def declares_global():
    global task
    asyncio.create_task(work())  # rewrite: not `task`, which would write the global
    await asyncio.sleep(0.01)
    show()


async def outer():
    bg_task = "outer"

    async def inner():
        nonlocal bg_task
        asyncio.create_task(work())  # rewrite: `task`, not the nonlocal `bg_task`
        await asyncio.sleep(0.01)

    await inner()
    print(bg_task)


async def nested_reads_module_name():
    asyncio.create_task(work())  # rewrite: `task` would capture `show_task`'s read

    def show_task():
        return task

    await asyncio.sleep(0.01)
    print(show_task())


asyncio.run(declares_global())
asyncio.run(outer())
asyncio.run(nested_reads_module_name())
