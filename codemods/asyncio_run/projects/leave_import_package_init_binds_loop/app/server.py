import app


async def main():
    print(await app.READY)
