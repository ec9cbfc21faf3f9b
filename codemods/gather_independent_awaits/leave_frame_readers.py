# asyncmod-test: --unsafe-fixes
# A function that reads its own frame (`locals()`, `vars()`, `eval`) sees
# which targets are bound: `gather` binds them all at once, later.
import asyncio


async def fetch():
    return 2


async def render(context):
    return sorted(k for k in context if not k.startswith("_"))


async def with_locals():
    user = await fetch()  # leave: `locals()` sees `user` bound
    page = await render(locals())
    print(page)


async def with_eval():
    user = await fetch()  # leave: `eval` reads `user`
    page = await render(eval("{'user': user}"))
    print(page)


asyncio.run(with_locals())
asyncio.run(with_eval())
