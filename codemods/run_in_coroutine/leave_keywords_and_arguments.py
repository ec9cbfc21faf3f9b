import asyncio


async def debugged(job):
    asyncio.run(job(), debug=True)  # leave, reported: `await` has no `debug=`


async def unpacked(jobs):
    asyncio.run(*jobs)  # leave, reported: an unpacked argument


async def in_default(job):
    def later(result=asyncio.run(job())):  # leave, reported: a default argument
        return result

    return later
