# asyncmod-test: --unsafe-fixes --target-version py38
import requests


async def fetch(url):
    # leave: `asyncio.to_thread` needs Python 3.9
    return requests.get(url)
