# asyncmod-runtime: compare
# leave (unsafe): the run's result is bound by `:=` and cancelled
import asyncio
async def main():
    f = asyncio.get_running_loop().create_future()
    f.add_done_callback(lambda _: None)
    return f
if __name__ == "__main__":
    try:
        if (f := asyncio.get_event_loop().run_until_complete(main())) is not None:
            f.cancel()
            print("cancelled")
    except RuntimeError as e:
        print("after:", e)
