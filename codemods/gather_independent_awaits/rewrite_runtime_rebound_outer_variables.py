# asyncmod-test: --unsafe-fixes
# asyncmod-runtime: compare
# A call that rebinds a global or a nonlocal: what the later statement
# reads (an argument, its callee) must be read after that call, and
# `gather` evaluates every argument before any call runs.
import asyncio

next_id = 1
LIMIT = 3


async def reserve():
    global next_id
    await asyncio.sleep(0)
    next_id += 1
    return "reserved"


async def label(n):
    await asyncio.sleep(0)
    return f"item-{n}"


async def an_argument_reads_a_global_the_call_rebinds():
    r = await reserve()  # leave: `reserve` rebinds `next_id`
    name = await label(next_id)
    print(r, name)


def bump():
    global next_id
    next_id += 10


async def reserve_through_a_helper():
    await asyncio.sleep(0)
    bump()
    return "bumped"


async def through_a_function_it_calls():
    r = await reserve_through_a_helper()  # leave: `bump` rebinds `next_id`
    name = await label(next_id)
    print(r, name)


async def fetch(path, token):
    await asyncio.sleep(0)
    return f"{path} as {token}"


async def an_argument_reads_a_nonlocal_the_call_rebinds():
    token = "anonymous"

    async def login():
        nonlocal token
        await asyncio.sleep(0)
        token = "alice"
        return "logged in"

    status = await login()  # leave: `login` rebinds `token`
    inbox = await fetch("/inbox", token)
    print(status, inbox)


async def _default_quota():
    return 0


fetch_quota = _default_quota


async def _real_quota():
    return 100


async def configure():
    global fetch_quota
    fetch_quota = _real_quota
    return "configured"


async def the_callee_is_a_global_the_call_rebinds():
    status = await configure()  # leave: `configure` rebinds `fetch_quota`
    quota = await fetch_quota()
    print(status, quota)


state = []


async def push():
    await asyncio.sleep(0.01)
    state.append(1)
    return "pushed"


async def size():
    await asyncio.sleep(0)
    return len(state)


async def one_fills_a_container_the_other_reads():
    fill, count = push, size
    status = await fill()  # leave: `push` appends to `state`, `size` reads it
    n = await count()
    print(status, n)


async def limit():
    await asyncio.sleep(0)
    return LIMIT


async def a_constant_both_read():
    # rewrite: `LIMIT` is a constant nothing rebinds
    most = await limit()
    name = await label(LIMIT)
    print(most, name)


async def main():
    await an_argument_reads_a_global_the_call_rebinds()
    await through_a_function_it_calls()
    await an_argument_reads_a_nonlocal_the_call_rebinds()
    await the_callee_is_a_global_the_call_rebinds()
    await one_fills_a_container_the_other_reads()
    await a_constant_both_read()


asyncio.run(main())
