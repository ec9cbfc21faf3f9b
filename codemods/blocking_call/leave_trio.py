# asyncmod-test: --unsafe-fixes
import requests
import trio


async def fetch(url):
    # leave, reported: a trio module; `asyncio.to_thread` is not its thread API
    response = requests.get(url)
    await trio.sleep(0)
    return response
