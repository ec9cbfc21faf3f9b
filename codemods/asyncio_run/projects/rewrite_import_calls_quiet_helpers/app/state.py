from app.config import Registry, load, ready

CONFIG = load("app")
DEFAULT = Registry("default")


@Registry.add
def handler():
    return "handled"


async def main():
    print(await ready())
