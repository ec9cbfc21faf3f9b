# asyncmod-test: --unsafe-fixes
import subprocess
from urllib.request import urlopen

import requests

TIMEOUT = 5


async def members_not_known(url, cmd):
    chunks = requests.get(url).iter_content()  # leave, reported: reads later, in the coroutine
    raw = requests.get(url, stream=True).raw.read()  # leave, reported
    urlopen(url).close()  # leave, reported
    subprocess.run(cmd).wait()  # leave, reported: no such method
    first = requests.get(url)[0]  # leave, reported
    return chunks, raw, first


class Client:
    async def arguments_evaluated_later(self, url, size):
        page = urlopen(self.url).read()  # leave, reported: `self.url` could change meanwhile
        other = urlopen(url, timeout=TIMEOUT).read()  # leave, reported: a global
        part = urlopen(url).read(size)  # leave, reported: the rest takes a variable
        made = urlopen(self.make_url()).read()  # leave, reported: code would run in the thread
        return page, other, part, made

    async def shared_total(self, url):
        self.total += requests.get(url).json()["n"]  # leave, reported: a lost update


async def rebound_by_a_closure(url):
    def redirect():
        nonlocal url
        url = url + "/other"

    data = urlopen(url).read()  # leave, reported: `redirect` may rebind `url`
    return data, redirect


async def maybe_unbound(flag):
    if flag:
        url = "data:text/plain,x"
    try:
        return urlopen(url).read()  # leave, reported: unbound, the thread would raise `NameError`
    except UnboundLocalError:
        return None


async def with_statement(url):
    with urlopen(url) as response:  # leave, reported: no chain
        return response.read()


async def marked(url):
    return requests.get(url).json()  # noqa: ASYNC210
