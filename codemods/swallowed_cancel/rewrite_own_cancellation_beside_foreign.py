# asyncmod-test: --unsafe-fixes
# Only `from asyncio import ...` in the module: the fix imports `asyncio`.
# `job` swallows its own cancellation (rewritten); `main` catches the
# cancellation of the task it awaits, not its own (left alone, reported).
from asyncio import create_task, run, sleep


async def job():
    try:
        await sleep(10)
    except:  # rewrite: the coroutine goes on after the `try`
        print("swallowed")
    return "done"


async def main():
    t = create_task(job())
    await sleep(0.01)
    t.cancel()
    try:
        print(await t)
    except BaseException as e:  # leave, reported: `t` was cancelled by this code
        print("main saw", type(e).__name__)


run(main())
