# asyncmod-runtime: compare
import asyncio
import helpers

LOG = []

async def flush():
    LOG.append("async flush")

helpers.install()

async def main():
    try:
        flush()
        LOG.append("ok")
    except Exception as e:
        LOG.append(type(e).__name__)

asyncio.run(main())
print(LOG)
