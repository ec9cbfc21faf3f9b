# asyncmod-runtime: compare
"""`requests.get` here is the project's requests.py, not the library: not a
blocking call, and in a thread it would fail (no running loop there)."""
import asyncio

import requests
from requests import get


async def main():
    page = requests.get("https://example.org")  # leave: the project's module
    other = get("https://example.com")  # leave: the project's module
    print(page, other)


asyncio.run(main())
