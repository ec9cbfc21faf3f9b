# asyncmod-runtime: compare
# Each pair shares one object that fails when two operations overlap
# (`Link.query` raises "another operation is in progress"): gathering any
# pair would make it raise. The project shows each object stateful.
import asyncio

from lib.conn import BaseRepo, Link, SqlRepo, get_orders, get_user


class Service:
    def __init__(self):
        self.link: Link = Link()

    async def run(self):
        # leave: an attribute of `self` assigned an instance of the class
        user = await get_user(self.link, 1)
        orders = await get_orders(self.link, 1)
        return user, orders


async def entered():
    # leave: bound by `async with`
    async with Link() as link:
        user = await get_user(link, 2)
        orders = await get_orders(link, 2)
        return user, orders


async def subclass(repo: BaseRepo):
    # leave: annotated with a base class whose subclass holds the link
    user = await get_user(repo, 3)
    orders = await get_orders(repo, 3)
    return user, orders


async def default(link=Link()):
    # leave: a parameter's default value
    user = await get_user(link, 4)
    orders = await get_orders(link, 4)
    return user, orders


async def unpacked():
    # leave: bound from a tuple, by position
    link, n = Link(), 5
    user = await get_user(link, n)
    orders = await get_orders(link, n)
    return user, orders


async def main():
    print(await Service().run())
    print(await entered())
    print(await subclass(SqlRepo()))
    print(await default())
    print(await unpacked())


asyncio.run(main())
