import asyncio


async def main():
    return "main"


def later():
    # After `asyncio.run` there is no current loop: this would raise.
    return asyncio.get_event_loop().is_closed()


if __name__ == "__main__":
    loop = asyncio.new_event_loop()
    print(loop.run_until_complete(main()))  # leave, reported
    loop.close()
    print(later())
