# An f-string field ending in `=` prints its own source text: rewriting
# the call inside it would change what the program prints.
import asyncio


async def main():
    print(f"{asyncio.get_event_loop() is not None=}")
    print(f"{asyncio.get_event_loop() is asyncio.get_running_loop() = }")


asyncio.run(main())
