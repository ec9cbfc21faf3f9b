# asyncmod-runtime: compare
# leave: main's coroutine keeps a future with a done-callback in a global; the code after
# the run cancels it, which schedules the callback on the loop `asyncio.run` has closed
import asyncio
PENDING = {}
async def main():
    fut = asyncio.get_running_loop().create_future()
    fut.add_done_callback(lambda f: None)
    PENDING["req"] = fut
    print("request sent")
if __name__ == "__main__":
    asyncio.get_event_loop().run_until_complete(main())
    pending = PENDING["req"]
    try:
        pending.cancel()
        print("cancelled pending request")
    except RuntimeError as e:
        print("after:", e)
