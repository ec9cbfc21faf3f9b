# asyncmod-runtime: compare
# leave (unsafe): the run's result goes to a global a function reads after the run
import asyncio
RESULT = None
def finish():
    try:
        RESULT.cancel()
        print("cancelled")
    except RuntimeError as e:
        print("after:", e)
async def main():
    f = asyncio.get_running_loop().create_future()
    f.add_done_callback(lambda _: None)
    return f
if __name__ == "__main__":
    RESULT = asyncio.get_event_loop().run_until_complete(main())
    finish()
