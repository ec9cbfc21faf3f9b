# asyncmod-runtime: compare
import asyncio
import builtins

LOG = []

async def flush():
    LOG.append("async flush")

def sync_flush():
    LOG.append("sync flush")

builtins.globals()["flush"] = sync_flush

async def main():
    try:
        flush()
        LOG.append("ok")
    except Exception as e:
        LOG.append(type(e).__name__)

asyncio.run(main())
print(LOG)
