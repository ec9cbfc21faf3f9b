# asyncmod-test: --unsafe-fixes
# asyncmod-runtime: compare
# `task = ` in front of a call that already filled its line made it longer
# than the line length (seen in a real dispatcher at 4 levels of
# indentation): the line is split as black would split it, and a trailing
# comment stays after the closing parenthesis.
import asyncio

finished = []


class Dispatcher:
    async def silent_call_request(self, bot, result, other_long_argument=0):
        await asyncio.sleep(0)
        finished.append((bot, result, other_long_argument))

    async def feed(self, bot, results):
        for result in results:
            if isinstance(result, int):
                asyncio.create_task(self.silent_call_request(bot=bot, result=result))
                asyncio.create_task(self.silent_call_request(bot=bot, result=-result))  # keep
                asyncio.create_task(self.silent_call_request(bot=bot, result=result, other_long_argument=12))
                asyncio.create_task(self.silent_call_request(bot, result), name=f"call-{bot}-{result}")


async def main():
    await Dispatcher().feed("bot", [1, "x", 2])
    await asyncio.sleep(0.01)
    print(sorted(finished))


asyncio.run(main())
