from app.base import Plugin
from app.hooks import STORE


class Echo(Plugin):
    pass


async def main():
    print(await STORE[0])
