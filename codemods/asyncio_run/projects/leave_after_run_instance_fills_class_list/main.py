# asyncmod-runtime: compare
# leave (unsafe): the coroutine keeps a future in a class list through an
# instance; `Conn.close_all()` cancels it after the run
import asyncio
class Conn:
    registry = []
    @classmethod
    def close_all(cls):
        for f in cls.registry:
            f.cancel()

async def main():
    c = Conn()
    fut = asyncio.get_running_loop().create_future()
    fut.add_done_callback(lambda _: None)
    c.registry.append(fut)
    return 3

if __name__ == "__main__":
    n = asyncio.get_event_loop().run_until_complete(main())
    try:
        Conn.close_all()
        print("after run ok", n)
    except RuntimeError as e:
        print("RuntimeError", e)
