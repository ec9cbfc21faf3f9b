# asyncmod-runtime: compare
# leave (unsafe): `configure()`, called by `main()`, keeps the running loop in
# `CONFIG`; the code runs more on it after the run
import asyncio

CONFIG = {}


def configure():
    CONFIG["loop"] = asyncio.get_running_loop()


async def main():
    configure()
    return 1


if __name__ == "__main__":
    loop = asyncio.new_event_loop()
    result = loop.run_until_complete(main())
    try:
        print(result, CONFIG["loop"].run_until_complete(asyncio.sleep(0, "again")))
    except RuntimeError as e:
        print(result, "RuntimeError", e)
