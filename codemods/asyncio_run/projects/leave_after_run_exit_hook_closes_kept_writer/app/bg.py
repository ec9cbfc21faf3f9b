import asyncio
import atexit
import socket
CONNS = []
def drop_all():
    for w in CONNS:
        try:
            w.close()
            print("exit: closed")
        except RuntimeError as e:
            print("exit:", e)
async def start():
    a, b = socket.socketpair()
    r, w = await asyncio.open_connection(sock=a)
    CONNS.append(w)
    atexit.register(drop_all)
    print("started")
