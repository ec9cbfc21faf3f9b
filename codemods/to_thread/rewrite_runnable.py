# asyncmod-test: --unsafe-fixes
# asyncmod-runtime: compare
import asyncio
import threading


def work(n, label):
    in_worker = threading.current_thread() is not threading.main_thread()
    return f"{label}: {n * n} (worker thread: {in_worker})"


async def main():
    loop = asyncio.get_running_loop()
    first = await loop.run_in_executor(None, work, 3, "first")  # rewrite
    second = await asyncio.get_running_loop().run_in_executor(None, work, 4, "second")  # rewrite
    print(first)
    print(second)


asyncio.run(main())
