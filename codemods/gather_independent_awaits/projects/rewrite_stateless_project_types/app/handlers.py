from app import Channel, Settings, make_settings
from app.models import Jobs, MaybeSettings, Number, Strict


async def load_user(source, uid):
    return f"user {uid}"


async def load_orders(source, uid):
    return [f"order {uid}"]


async def plain(settings: Settings, uid: Number):
    # rewrite: a class of the project with plain values
    user = await load_user(settings, uid)
    orders = await load_orders(settings, uid)
    return user, orders


async def derived(strict: Strict, maybe: MaybeSettings, uid):
    # rewrite: a subclass of it, and an alias of it
    user = await load_user(strict, uid)
    orders = await load_orders(strict, uid)
    first = await load_user(maybe, 1)
    last = await load_orders(maybe, 2)
    return user, orders, first, last


async def queue_holder(jobs: Jobs, uid):
    # rewrite: its instances hold a queue, which is no connection
    user = await load_user(jobs, uid)
    orders = await load_orders(jobs, uid)
    return user, orders


async def factory(uid):
    # rewrite: a factory whose return annotation is that class
    config = make_settings()
    user = await load_user(config, uid)
    orders = await load_orders(config, uid)
    return user, orders


async def channel(chan: Channel, uid):
    # leave: a class of the project that holds a stream writer
    user = await load_user(chan, uid)
    orders = await load_orders(chan, uid)
    return user, orders
