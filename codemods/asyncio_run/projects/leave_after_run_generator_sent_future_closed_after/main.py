# asyncmod-runtime: compare
import asyncio
def tracker():
    futs = []
    try:
        while True:
            futs.append((yield))
    finally:
        for f in futs:
            f.cancel()
TRACK = tracker()
next(TRACK)

async def main():
    fut = asyncio.get_running_loop().create_future()
    fut.add_done_callback(lambda _: None)
    TRACK.send(fut)
    return 3

if __name__ == "__main__":
    n = asyncio.get_event_loop().run_until_complete(main())
    try:
        TRACK.close()
        print("after run ok", n)
    except RuntimeError as e:
        print("RuntimeError", e)
