# asyncmod-runtime: compare
# leave (unsafe): the run's result, a future, is passed to a function that cancels it
import asyncio
def use(fut):
    try:
        fut.cancel()
        print("cancelled")
    except RuntimeError as e:
        print("after:", e)
async def main():
    f = asyncio.get_running_loop().create_future()
    f.add_done_callback(lambda _: None)
    return f
if __name__ == "__main__":
    use(asyncio.get_event_loop().run_until_complete(main()))
