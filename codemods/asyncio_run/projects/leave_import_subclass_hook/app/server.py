from app.base import Plugin


class Echo(Plugin):
    pass


async def main():
    print(await Echo.ready)
