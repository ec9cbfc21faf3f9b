# asyncmod-runtime: compare
import asyncio

from utils import log_errors


async def fetch_config():
    print("fetching")
    return {"retries": 5}


async def main():
    retries = 1
    cfg = fetch_config()  # leave: `log_errors` of utils.py catches the TypeError of the read
    with log_errors("config"):
        retries = cfg["retries"]
    print("retries", retries)


asyncio.run(main())
