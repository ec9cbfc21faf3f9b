import asyncio
import atexit


class Client:
    async def close(self):
        await asyncio.sleep(0)
        print("client closed cleanly")


async def connect():
    loop = asyncio.get_running_loop()
    client = Client()
    # close the connection when the process ends, on the loop it lives on
    atexit.register(lambda: loop.run_until_complete(client.close()))
    return client
