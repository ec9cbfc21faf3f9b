import asyncio

from errors import RETRYABLE, AppError


async def fetch():
    return 1


async def refresh():
    return asyncio.run(fetch())  # rewrite: neither AppError nor RETRYABLE may be a RuntimeError


async def main():
    try:
        print("value", await refresh())
    except RETRYABLE as e:
        print("retry after", type(e).__name__)
    except AppError:
        print("app error")


asyncio.run(main())
