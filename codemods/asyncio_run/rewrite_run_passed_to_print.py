import asyncio


async def main():
    return 3


loop = asyncio.new_event_loop()
# rewrite: the other arguments are literals, so nothing but `print` runs
# between the run and the close
print("count", loop.run_until_complete(main()), sep=": ")
loop.close()
pass
