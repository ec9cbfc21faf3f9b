# asyncmod-runtime: compare
import asyncio

class Report:
    waiters = []

    def __init__(self, n):
        self.n = n

    def close(self):
        for w in self.waiters:
            w.cancel()
        return self.n

async def main():
    fut = asyncio.get_running_loop().create_future()
    fut.add_done_callback(lambda _: None)
    Report.waiters.append(fut)
    return Report(2)

if __name__ == "__main__":
    r = asyncio.get_event_loop().run_until_complete(main())
    try:
        print("closed", r.close())
    except RuntimeError as e:
        print("RuntimeError", e)
