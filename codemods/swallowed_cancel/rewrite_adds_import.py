# asyncmod-test: --unsafe-fixes
import aiohttp


async def fetch(url):
    async with aiohttp.ClientSession() as session:
        try:
            return await session.get(url)
        except BaseException:  # rewrite: `import asyncio` is added
            return None
