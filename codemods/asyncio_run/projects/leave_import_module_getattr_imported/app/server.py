from app.hooks import STORE
from app.hooks import lookup as __getattr__


async def main():
    print(await STORE[0])
