import importlib

LABEL = f"{1:{len(importlib.import_module('app.state').__name__)}}"


async def main():
    state = importlib.import_module("app.state")
    print(await state.READY, repr(LABEL))
