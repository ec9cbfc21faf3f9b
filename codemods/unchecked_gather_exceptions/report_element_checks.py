# What counts as a check is a test of the results' elements; programs that
# showed a test of something else silencing the report, arithmetic on each
# result not reported, and a `match` on the class of each result reported.
import asyncio


async def f(x):
    if x == 2:
        raise ValueError(x)
    return x


async def unrelated_isinstance(xs, cfg):
    # report: the test is about `cfg`, not a result
    rs = await asyncio.gather(*(f(x) for x in xs), return_exceptions=True)
    if isinstance(cfg, dict):
        print("cfg ok")
    return [r + 1 for r in rs]


async def one_item_tested(xs):
    # report: `rs[0]` is tested, every element is used
    rs = await asyncio.gather(*(f(x) for x in xs), return_exceptions=True)
    first = rs[0] if rs[0] is not None else 0
    return [r * 2 for r in rs], first


async def added_up(xs):
    # report: `total += r` computes with each result
    rs = await asyncio.gather(*(f(x) for x in xs), return_exceptions=True)
    total = 0
    for r in rs:
        total += r
    return total


async def matched_by_class(xs):
    # no report: `case Exception():` tests each result
    rs = await asyncio.gather(*(f(x) for x in xs), return_exceptions=True)
    for r in rs:
        match r:
            case Exception():
                print("err", r)
            case _:
                print("ok", r)


async def filtered_by_type(xs):
    # no report: `type(r) is not ValueError` tests each result
    rs = await asyncio.gather(*(f(x) for x in xs), return_exceptions=True)
    return [r for r in rs if type(r) is not ValueError]
