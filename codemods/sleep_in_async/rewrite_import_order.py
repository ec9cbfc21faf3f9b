import logging
import os
import time

import httpx


async def fetch(url):
    async with httpx.AsyncClient() as client:
        time.sleep(float(os.environ.get("DELAY", "0")))  # rewrite
        logging.info("fetching %s", url)
        return await client.get(url)
