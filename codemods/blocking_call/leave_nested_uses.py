# asyncmod-test: --unsafe-fixes
import subprocess

import requests


async def nested(url, urls, log):
    data = len(requests.get(url).json())  # leave, reported: part of a larger expression
    log.info(input("? "))  # leave, reported: an argument
    ok = subprocess.run(["true"]).returncode == 0  # leave, reported
    pages = [requests.get(u) for u in urls]  # leave, reported: in a comprehension
    fetch = lambda u: requests.get(u)  # leave, reported: in a lambda
    if requests.head(url).ok:  # leave, reported: a condition
        return data, ok, pages, fetch
