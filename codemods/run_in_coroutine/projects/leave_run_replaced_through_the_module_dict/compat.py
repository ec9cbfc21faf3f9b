import asyncio, concurrent.futures
_orig = asyncio.run
def nested_run(coro, **kw):
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return _orig(coro, **kw)
    with concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="nested") as ex:
        return ex.submit(_orig, coro, **kw).result()
asyncio.__dict__["run"] = nested_run
