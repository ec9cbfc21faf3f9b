# asyncmod-runtime: compare
# rewrite (safe): main gives back only a string, which holds no loop, so
# calling its methods after the run is fine
import asyncio


async def main(name):
    await asyncio.sleep(0)
    greeting = f"hello {name}"
    return greeting


if __name__ == "__main__":
    msg = asyncio.get_event_loop().run_until_complete(main("world"))
    print(msg.upper(), len(msg))
