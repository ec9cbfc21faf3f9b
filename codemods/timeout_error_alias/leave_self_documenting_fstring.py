# An f-string field ending in `=` prints its own source text: rewriting
# the name inside it would change what the program prints.
import asyncio


def describe():
    print(f"{asyncio.TimeoutError=}")
    print(f"{asyncio.TimeoutError.__name__ = !r:>20}")


describe()
