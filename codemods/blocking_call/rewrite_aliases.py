# asyncmod-test: --unsafe-fixes
import asyncio as aio
import urllib.request

import requests as http
from os import system as sh
from subprocess import run
from urllib.request import urlopen


async def aliases(url):
    page = urlopen(url, timeout=3)  # rewrite: the callee as written
    other = urllib.request.urlopen(url)  # rewrite
    data = http.get(url)  # rewrite
    run(["ls"])  # rewrite
    sh("true")  # rewrite
    await aio.sleep(0)
    return page, other, data
