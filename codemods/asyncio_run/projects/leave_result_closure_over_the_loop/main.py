# asyncmod-runtime: compare
# leave (unsafe): main gives back a closure that calls the loop's `call_soon`
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    def notify(msg):
        loop.call_soon(print, msg)
    return notify
if __name__ == "__main__":
    notify = asyncio.get_event_loop().run_until_complete(main())
    try:
        notify("x")
        print("notified")
    except RuntimeError as e:
        print("after:", e)
