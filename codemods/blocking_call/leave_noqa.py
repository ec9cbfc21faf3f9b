# asyncmod-test: --unsafe-fixes
import os
import subprocess

import requests


async def deliberate(url):
    requests.get(url)  # noqa: ASYNC210
    subprocess.run(["ls"])  # noqa: ASYNC221
    os.system("ls")  # noqa: ASYNC220
    input()  # noqa: AM108
    requests.post(url)  # noqa
