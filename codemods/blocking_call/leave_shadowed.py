# asyncmod-test: --unsafe-fixes
import os

import requests


async def with_params(requests, input):
    requests.get("x")  # leave: `requests` is the parameter
    input()  # leave: `input` is the parameter


async def with_local(fake):
    os = fake
    os.system("x")  # leave: `os` is a local variable
