import asyncio

from app import main


async def handler():
    # leave: inside a coroutine, not reported (a loop is already running)
    loop = asyncio.new_event_loop()
    loop.run_until_complete(main())
    loop.close()
    asyncio.get_event_loop().run_until_complete(main())


async def with_helper():
    def blocking():
        # leave: a plain def nested in a coroutine still runs inside it
        loop = asyncio.new_event_loop()
        loop.run_until_complete(main())
        loop.close()

    await asyncio.to_thread(blocking)
