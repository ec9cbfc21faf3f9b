# asyncmod-runtime: compare
# rewrite (safe): main gives back a dict and a tuple of plain data, used
# after the run
import asyncio
import json


async def stats(n):
    await asyncio.sleep(0)
    if n < 0:
        return 1, {"error": "negative"}
    return 0, {"count": n, "items": [1, 2.5, None], "ok": True}


if __name__ == "__main__":
    loop = asyncio.new_event_loop()
    try:
        code, data = loop.run_until_complete(stats(3))
    finally:
        loop.close()
    print(json.dumps(data), data.get("count"), code)
    for key in data:
        print(key)
