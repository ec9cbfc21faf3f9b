"""The result prints before the default executor is shut down (and waited
for): `asyncio.run` would wait for the job first."""
import asyncio
import time


def job():
    time.sleep(0.1)
    print("job done")


async def main():
    asyncio.get_running_loop().run_in_executor(None, job)
    return "ret"


if __name__ == "__main__":
    loop = asyncio.new_event_loop()
    try:
        r = loop.run_until_complete(main())  # leave, reported
        print("got", r)
    finally:
        loop.run_until_complete(loop.shutdown_default_executor())
        loop.close()
