# asyncmod-test: --unsafe-fixes
import asyncio

from app.mail import send


async def send_all(messages):
    tasks = []
    for message in messages:  # rewrite: the results are used
        tasks.append(asyncio.create_task(send(message)))
    receipts = await asyncio.gather(*tasks)
    return receipts


async def fire_and_wait(messages):
    tasks: list[asyncio.Task[None]] = []
    for message in messages:  # rewrite: nothing needs the list, so it goes
        tasks.append(asyncio.create_task(send(message, retry=True)))
    await asyncio.gather(*tasks)
    print("all sent")


async def with_index(messages):
    tasks = []
    for i, message in enumerate(messages):
        tasks.append(
            asyncio.create_task(send(message, priority=i)),  # rewrite: a comment here keeps the list
        )
    await asyncio.gather(*tasks)
