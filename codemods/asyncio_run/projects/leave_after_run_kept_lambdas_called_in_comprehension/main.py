# asyncmod-runtime: compare
# leave (unsafe): lambdas over a future kept in `HOOKS`, called by a
# comprehension after the run
import asyncio
HOOKS = []

async def main():
    fut = asyncio.get_running_loop().create_future()
    fut.add_done_callback(lambda _: None)
    HOOKS.append(lambda: fut.cancel())
    return 3

if __name__ == "__main__":
    n = asyncio.get_event_loop().run_until_complete(main())
    try:
        [h() for h in HOOKS]
        print("after run ok", n)
    except RuntimeError as e:
        print("RuntimeError", e)
