# asyncmod-test: --line-length 60
import asyncio


async def call(service, settings):
    # rewrite: the header would pass 60 columns, so it is broken like black would
    return await asyncio.wait_for(service.call(), settings.rpc.deadline_seconds)
