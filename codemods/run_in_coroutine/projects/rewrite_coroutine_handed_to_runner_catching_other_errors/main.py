import asyncio

from runner import run_safely


async def fetch():
    return 1


async def refresh():
    return asyncio.run(fetch())  # rewrite: run_safely of runner.py catches only ValueError


async def main():
    print("result", await run_safely(refresh))


asyncio.run(main())
