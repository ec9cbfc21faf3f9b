# asyncmod-test: --unsafe-fixes
import subprocess

import requests

requests.get("https://example.com")  # leave: module level


def sync(url):
    return requests.get(url)  # leave: a plain function may block


async def outer(url):
    def inner():
        return subprocess.run(["ls"])  # leave: a sync def nested in a coroutine

    class Config:
        answer = input()  # leave: a class body

    return inner, Config
