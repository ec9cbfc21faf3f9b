# asyncmod-runtime: compare
# leave: main's coroutine keeps its own task; after the run the code adds a done-callback,
# which the closed loop of `asyncio.run` refuses
import asyncio
KEEP = []
async def main():
    KEEP.append(asyncio.current_task())
    await asyncio.sleep(0)
if __name__ == "__main__":
    asyncio.get_event_loop().run_until_complete(main())
    try:
        KEEP[0].add_done_callback(print)
        print("subscribed")
    except RuntimeError as e:
        print("after:", e)
