# asyncmod-runtime: compare
# leave (unsafe): main gives back `functools.partial(loop.create_task)`
import asyncio, functools
async def tick():
    pass
async def main():
    return functools.partial(asyncio.get_running_loop().create_task)
if __name__ == "__main__":
    spawn = asyncio.get_event_loop().run_until_complete(main())
    try:
        c = tick()
        spawn(c)
        print("spawned")
    except RuntimeError as e:
        c.close()
        print("after:", e)
