import requests


async def fetch(url):
    return requests.get(url)  # leave, reported: the fix is unsafe
