# asyncmod-runtime: compare
# leave (unsafe): main gives back the loop's bound `call_soon`, called after the run
import asyncio
async def main():
    return asyncio.get_running_loop().call_soon
if __name__ == "__main__":
    post = asyncio.get_event_loop().run_until_complete(main())
    try:
        post(print, "x")
        print("posted")
    except RuntimeError as e:
        print("after:", e)
