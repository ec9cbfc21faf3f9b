import types


def sleep(delay):
    print("sync sleep", delay)


asyncio = types.SimpleNamespace(sleep=sleep)
