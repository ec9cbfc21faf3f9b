# asyncmod-test: --unsafe-fixes
# asyncmod-runtime: compare
import asyncio
import os
import subprocess
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.request import urlopen

import requests

os.environ["no_proxy"] = os.environ["NO_PROXY"] = "*"


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        body = b'{"n": 3, "items": ["a", "b"]}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


async def fetch(url):
    # rewrite: the rest of a chain that does no I/O stays in the coroutine
    data = requests.get(url).json()
    status = requests.get(url).status_code
    items = requests.get(url).json()["items"][-1]
    code = urlopen(url, timeout=5).status
    out = subprocess.check_output(["echo", "hi"]).decode().strip()
    rc = subprocess.run(["true"]).returncode
    requests.get(url, timeout=5).raise_for_status()
    # rewrite: a chain that still reads moves whole
    n = requests.get(url, stream=True).json()["n"]
    body = urlopen(url, timeout=5).read()
    text = urlopen("data:text/plain,hello").read().decode("ascii")
    return data, status, items, n, body, text, code, out, rc


async def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        print(await fetch(url))
    finally:
        server.shutdown()
        server.server_close()


asyncio.run(main())
