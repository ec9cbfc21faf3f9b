# asyncmod-runtime: compare
import asyncio

_pending = set()
_counts = {"made": 0}


def summary():
    return dict(_counts)


async def main():
    fut = asyncio.get_running_loop().create_future()
    fut.add_done_callback(lambda _: None)
    _pending.add(fut)
    _counts["made"] += 1
    return 3


if __name__ == "__main__":
    n = asyncio.get_event_loop().run_until_complete(main())
    print("summary", summary(), n)
