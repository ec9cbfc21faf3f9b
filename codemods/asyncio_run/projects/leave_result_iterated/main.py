# asyncmod-runtime: compare
# leave (unsafe): the run's result, a list of futures, is iterated and each cancelled
import asyncio
async def main():
    out = []
    for _ in range(2):
        f = asyncio.get_running_loop().create_future()
        f.add_done_callback(lambda _: None)
        out.append(f)
    return out
if __name__ == "__main__":
    for f in asyncio.get_event_loop().run_until_complete(main()):
        try:
            f.cancel()
            print("cancelled")
        except RuntimeError as e:
            print("after:", e)
