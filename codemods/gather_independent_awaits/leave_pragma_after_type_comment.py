# asyncmod-test: --unsafe-fixes
import asyncio


async def f(x: int) -> int:
    return x


async def g(x: int) -> int:
    return x * 2


async def first(u: int) -> tuple:
    # leave: the `# noqa` covers the call, not only the type
    a = await f(undefined_name)  # type: int  # noqa: F821
    b = await g(u)
    return a, b


async def last(u: int) -> tuple:
    a = await f(u)
    # leave: the `# noqa` covers the call, not only the type
    b = await g(undefined_name)  # type: int  # noqa: F821
    return a, b


async def ignored(u: int) -> tuple:
    # leave: the `# type: ignore` covers the call, not only the type
    a = await f("x")  # type: int  # type: ignore[arg-type]
    b = await g(u)
    return a, b


print(asyncio.run(ignored(1)))
