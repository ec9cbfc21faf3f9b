# asyncmod-runtime: compare
# What `wait_for` and `asyncio.timeout` agree on: what a timeout cancels,
# what the caller sees, and what a cancellation from outside does.
import asyncio


async def stuck(log, name):
    try:
        await asyncio.sleep(10)
    finally:
        log.append(f"{name} cleaned up")


async def future_is_cancelled():
    fut = asyncio.get_running_loop().create_future()
    try:
        await asyncio.wait_for(fut, 0.01)  # rewrite
    except TimeoutError as error:
        print("future: timeout caused by", type(error.__cause__).__name__)
    print("future cancelled:", fut.cancelled())


async def task_is_cancelled_and_awaited(log):
    task = asyncio.create_task(stuck(log, "task"))
    await asyncio.sleep(0)
    try:
        await asyncio.wait_for(task, 0.01)  # rewrite
    except asyncio.TimeoutError:
        print("task: timeout;", log, "cancelled:", task.cancelled())


async def cancelled_error_from_inside():
    async def inner():
        raise asyncio.CancelledError("inner")

    try:
        await asyncio.wait_for(inner(), 1)  # rewrite
    except asyncio.CancelledError:
        print("inner cancelled error passes through")
    except TimeoutError:
        print("wrongly a timeout")


async def cancel_from_outside(log):
    async def runner():
        try:
            await asyncio.wait_for(stuck(log, "runner"), 5)  # rewrite
        except TimeoutError:
            print("wrongly a timeout")

    task = asyncio.create_task(runner())
    await asyncio.sleep(0.01)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("outside cancel:", log[-1])


async def converted_cancellation():
    async def converts():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            raise RuntimeError("converted") from None

    try:
        # leave: on a timeout both forms give the RuntimeError, but on a
        # cancellation of this task 3.11's wait_for raises CancelledError
        # here, where awaited directly the RuntimeError would replace it
        await asyncio.wait_for(converts(), 0.01)
    except RuntimeError as error:
        print("converted:", error, asyncio.current_task().cancelling())


async def nested_deadlines(log):
    try:
        async with asyncio.timeout(0.01):
            await asyncio.wait_for(stuck(log, "outer"), 5)  # rewrite
    except TimeoutError:
        print("the outer deadline fired")
    try:
        async with asyncio.timeout(5):
            await asyncio.wait_for(stuck(log, "inner"), 0.01)  # rewrite
    except TimeoutError:
        print("the inner deadline fired")


async def shielded():
    async def work():
        await asyncio.sleep(0.05)
        return "shielded work finished"

    task = asyncio.create_task(work())
    try:
        await asyncio.wait_for(asyncio.shield(task), 0.01)  # rewrite
    except TimeoutError:
        print("shield: timeout")
    print(await task)


async def gathered():
    done = []

    async def child(n, delay):
        try:
            await asyncio.sleep(delay)
            done.append(n)
        except asyncio.CancelledError:
            done.append(-n)
            raise

    try:
        await asyncio.wait_for(asyncio.gather(child(1, 0), child(2, 10)), 0.05)  # rewrite
    except TimeoutError:
        print("gather:", done)


async def in_a_finally(log):
    try:
        return "returned"
    finally:
        try:
            await asyncio.wait_for(stuck(log, "finally"), 0.01)  # rewrite
        except TimeoutError:
            print("finally: timeout")


async def returns_through_finally():
    async def quick():
        return "quick"

    try:
        return await asyncio.wait_for(quick(), 1)  # rewrite
    finally:
        print("finally ran")


async def main():
    log = []
    await future_is_cancelled()
    await task_is_cancelled_and_awaited(log)
    await cancelled_error_from_inside()
    await cancel_from_outside(log)
    await converted_cancellation()
    await nested_deadlines(log)
    await shielded()
    await gathered()
    print(await in_a_finally(log))
    print(await returns_through_finally())
    print(log)
    print("cancelling at the end:", asyncio.current_task().cancelling())


asyncio.run(main())
