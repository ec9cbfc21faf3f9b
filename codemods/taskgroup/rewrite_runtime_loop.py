# asyncmod-test: --unsafe-fixes
# asyncmod-runtime: compare
import asyncio

seen = {}


async def shout(word):
    await asyncio.sleep(0.001 * len(word))
    seen[word] = word.upper()
    return word.upper() + "!"


async def main(words):
    tasks = []
    for word in words:  # rewrite
        tasks.append(asyncio.create_task(shout(word)))
    await asyncio.wait(tasks)
    print([task.result() for task in tasks])
    print(sorted(seen.items()))


async def unused(words):
    tasks = []
    for word in words:  # rewrite: the list goes
        tasks.append(asyncio.create_task(shout(word)))
    await asyncio.gather(*tasks)


asyncio.run(main(["tea", "coffee", "water"]))
asyncio.run(unused(["juice"]))
print(sorted(seen))
