# Unpacked results are one result each: a check of one says nothing of the
# others. A program where `b` failed while only `a` was checked printed an
# exception as if it were a value; the finding names the unchecked ones.
import asyncio


async def get(x):
    await asyncio.sleep(0)
    if x == 2:
        raise ValueError(x)
    return x


async def only_first_checked():
    # report: `b` is used with no check
    a, b = await asyncio.gather(get(1), get(2), return_exceptions=True)
    if isinstance(a, BaseException):
        return "a failed"
    return f"{a} and {b!s:.5}"


async def middle_checked():
    # report: `a` and `c`
    a, b, c = await asyncio.gather(get(1), get(3), get(4), return_exceptions=True)
    if isinstance(b, Exception):
        return None
    return a + b + c


async def rest_unchecked():
    # report: `rest`, a list of results
    a, *rest = await asyncio.gather(get(1), get(3), get(4), return_exceptions=True)
    if isinstance(a, Exception):
        return None
    return a + sum(rest)


async def each_checked():
    a, b = await asyncio.gather(get(1), get(2), return_exceptions=True)
    if isinstance(a, Exception) or isinstance(b, Exception):
        return "one failed"
    return a + b


async def whole_tuple_checked():
    a, b = await asyncio.gather(get(1), get(2), return_exceptions=True)
    for r in (a, b):
        if isinstance(r, Exception):
            return f"failed: {r!r}"
    return a + b


async def main():
    print(await only_first_checked())
    print(await middle_checked())
    print(await rest_unchecked())
    print(await each_checked())
    print(await whole_tuple_checked())


asyncio.run(main())
