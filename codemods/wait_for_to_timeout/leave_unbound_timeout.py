"""A timeout that may be unbound: reading it raises `UnboundLocalError`.
`wait_for(send("hello"), t)` calls `send` first; `timeout(t)` would raise
before `send` runs, and "hello" would never be recorded."""
import asyncio

sent = []


def send(msg):
    sent.append(msg)  # records and returns the write coroutine
    return asyncio.sleep(0)


async def main(cfg):
    if "timeout" in cfg:
        t = cfg["timeout"]
    try:
        await asyncio.wait_for(send("hello"), t)  # leave, reported
    except UnboundLocalError:
        print("no timeout configured")
    print("sent:", sent)


asyncio.run(main({}))
