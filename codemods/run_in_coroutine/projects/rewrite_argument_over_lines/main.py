# asyncmod-runtime: compare
# `work`'s coroutines run here with no event loop running, where its
# `asyncio.run(...)` calls work: before and after the fix they give the same.
import registry
import work  # noqa: F401 (fills the registry)


def drive(coro):
    try:
        coro.send(None)
    except StopIteration as stop:
        return stop.value
    raise AssertionError("suspended")


job, first, again, client_class, helper, tail = registry.ENTRIES
print(drive(first([job(1)])))
print(drive(again(job, 2)))
print(drive(helper(client_class())))
print(drive(tail(job, 4)))
