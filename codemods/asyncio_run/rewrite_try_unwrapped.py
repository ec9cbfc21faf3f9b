# asyncmod-test: --unsafe-fixes
# asyncmod-runtime: compare
import asyncio


async def greet(name):
    await asyncio.sleep(0)
    return f"hello {name}"


def run(name):
    loop = asyncio.new_event_loop()
    try:  # rewrite (unsafe: `run` may be called many times): a try left with no handler is unwrapped
        # the greeting
        message = loop.run_until_complete(
            greet(
                name,  # who
            )
        )
    finally:
        loop.close()
    return message.upper()


print(run("world"))
