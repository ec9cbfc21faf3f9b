from app.hooks import STORE


async def main():
    print(await STORE[0] if STORE else "nothing bound")
