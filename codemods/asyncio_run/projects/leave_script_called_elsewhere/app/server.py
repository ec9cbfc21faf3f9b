import asyncio

_first = []


async def main(name):
    loop = asyncio.get_running_loop()
    _first.append(loop)
    print(f"served {name} on the first loop:", _first[0] is loop)
    return 0
