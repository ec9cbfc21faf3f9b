# asyncmod-runtime: compare
import asyncio

PENDING = []


class Report:
    def __init__(self, n):
        self.n = n

    def close(self):
        return self.n * 2


async def main():
    f = asyncio.get_running_loop().create_future()
    f.add_done_callback(lambda _: None)
    PENDING.append(f)
    return Report(1)


if __name__ == "__main__":
    r = asyncio.get_event_loop().run_until_complete(main())
    print("closed", r.close())
