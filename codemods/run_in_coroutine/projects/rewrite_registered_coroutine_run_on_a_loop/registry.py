import asyncio

HANDLERS = []


def handler(f):
    HANDLERS.append(f)
    return f


def run_all():
    for h in HANDLERS:
        print("result", asyncio.run(h()))
