# asyncmod-runtime: compare
# `work`'s coroutines run here with no event loop running, where its
# `asyncio.run(...)` calls work: before and after the fix they give the same.
import work


def drive(coro):
    try:
        coro.send(None)
    except StopIteration as stop:
        return stop.value
    raise AssertionError("suspended")


print(drive(work.first([work.job(1)])))
print(drive(work.again(work.job, 2)))
print(drive(work.helper(work.Client())))
print(drive(work.tail(work.job, 4)))
