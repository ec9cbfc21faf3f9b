from time import sleep as nap


async def slow_start():
    nap(1)  # rewrite: `nap` is time.sleep under another name
    return "started"
