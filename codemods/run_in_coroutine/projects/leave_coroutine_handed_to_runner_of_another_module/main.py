# asyncmod-runtime: compare
import asyncio

from runner import run_safely


async def fetch():
    return 1


async def refresh():
    print("refresh")
    return asyncio.run(fetch())  # leave: run_safely of runner.py catches the RuntimeError


async def main():
    print("result", await run_safely(refresh))
    print("next step")


asyncio.run(main())
