import asyncio

from runner import run_safely


async def fetch_config():
    return {"retries": 5}


async def load_retries():
    cfg = fetch_config()  # rewrite: run_safely of runner.py catches only KeyError
    return cfg["retries"]


async def main():
    print("retries", await run_safely(load_retries))


asyncio.run(main())
