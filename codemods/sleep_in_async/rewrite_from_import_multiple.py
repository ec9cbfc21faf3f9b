from time import monotonic, sleep, perf_counter


async def measure():
    start = monotonic()
    sleep(0.1)  # rewrite: only `sleep` leaves the import list
    return perf_counter() - start
