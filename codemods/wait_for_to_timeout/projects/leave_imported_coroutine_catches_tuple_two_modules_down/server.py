from handlers import handle


async def serve():
    return await handle()
