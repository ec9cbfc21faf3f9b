# asyncmod-test: --unsafe-fixes
# A type comment describes its statement's target: it becomes a
# declaration, as an annotation does, and never lands on the gathered
# tuple; `# type: ignore` stays on the line it was on.
import asyncio
from typing import List


async def fetch_the_user_profile_from_remote(user_identifier, include_private_fields=False):
    return user_identifier


async def fetch_all_orders_for_customer(user_identifier, limit=100, offset=0):
    return limit


async def main():
    a = await fetch_the_user_profile_from_remote(1); b = await fetch_all_orders_for_customer(2)
    # about c
    c = await fetch_the_user_profile_from_remote(3, include_private_fields=True)  # c!
    # about d
    d = await fetch_all_orders_for_customer(4, limit=5, offset=6)  # type: int
    print(a, b, c, d)


async def first_and_last():
    names = await fetch_the_user_profile_from_remote(1)  # type: List[str]
    count = await fetch_all_orders_for_customer(2)  # type: ignore[arg-type]
    return names, count


async def a_tuple_target():
    first, second = await fetch_the_user_profile_from_remote((1, 2))  # type: int, int
    # rewrite: only the two below; a tuple target has no one type to declare
    third = await fetch_all_orders_for_customer(3)
    fourth = await fetch_all_orders_for_customer(4)  # type: int
    return first, second, third, fourth


asyncio.run(main())
