import asyncio


def instrument(c):
    orig = c.execute

    def traced(q, *a):
        print("traced (sync wrapper, fire and forget)", q)
        asyncio.ensure_future(orig(q, *a))

    vars(c).update(execute=traced)
