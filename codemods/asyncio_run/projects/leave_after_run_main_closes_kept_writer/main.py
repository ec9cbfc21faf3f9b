# asyncmod-runtime: compare
# leave: main's coroutine keeps a StreamWriter in a global, and the code after the run
# closes it ("close connections after the run"): `asyncio.run` closes the loop first
import asyncio
import socket
CONNS = []
async def main():
    a, b = socket.socketpair()
    r, w = await asyncio.open_connection(sock=a)
    CONNS.append(w)
    print("connected")
if __name__ == "__main__":
    asyncio.get_event_loop().run_until_complete(main())
    for w in CONNS:
        try:
            w.close()
            print("closed connection")
        except RuntimeError as e:
            print("after:", e)
