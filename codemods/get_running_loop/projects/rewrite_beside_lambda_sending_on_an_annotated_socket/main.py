# asyncmod-runtime: compare
# rewrite (app.py, safe): `net.py` sends through a lambda on a parameter annotated
# as a socket, which is no coroutine it could step by hand
import asyncio
import socket

from app import work
from net import sender

print(asyncio.run(work()))
a, b = socket.socketpair()
with a, b:
    print(sender(a)(b"ping"), b.recv(4))
