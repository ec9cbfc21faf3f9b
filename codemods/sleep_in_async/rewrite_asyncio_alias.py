import asyncio as aio
import time


async def wait_for_ready(service):
    while not service.ready:
        time.sleep(0.1)  # rewrite: reuses the module's own `aio` binding


def main():
    aio.run(wait_for_ready(object()))
