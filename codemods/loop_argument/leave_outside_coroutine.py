import asyncio


def main(jobs):
    loop = asyncio.new_event_loop()
    # leave, reported: outside a coroutine `gather` binds to the loop it is given
    everything = asyncio.gather(*jobs, loop=loop)
    guarded = asyncio.shield(everything, loop=loop)  # leave, reported
    for finished in asyncio.as_completed(jobs, loop=loop):  # leave, reported
        loop.run_until_complete(finished)
    return loop.run_until_complete(guarded)
