# asyncmod-test: --unsafe-fixes
# asyncmod-runtime: compare
import asyncio
from dataclasses import dataclass


@dataclass
class User:
    name: str


async def fetch_user(uid: int) -> User:
    await asyncio.sleep(0.002)
    return User(f"user{uid}")


async def fetch_feed(uid: int) -> "list[str]":
    await asyncio.sleep(0.001)
    return [f"post{uid}"]


async def count(uid: int) -> int:
    return uid * 2


async def annotated(uid: int):
    user: User = await fetch_user(uid)  # rewrite: the annotations become declarations
    feed: "list[str]" = await fetch_feed(uid)
    return user, feed


async def mixed(uid: int):
    user: User = await fetch_user(uid)  # rewrite: only annotated targets get a declaration
    n = await count(uid)
    return user, n


async def one_line(uid: int):
    user = await fetch_user(uid); feed = await fetch_feed(uid)  # rewrite
    return user, feed


async def one_line_body(uid: int, go: bool):
    # rewrite: the gather stays on the line
    if go: u: User = await fetch_user(uid); n = await count(uid); print(n)


async def after_other_code(uid: int):
    i = uid + 1; u: User = await fetch_user(i)  # rewrite: this comment moves above
    n: int = await count(uid)
    return i, u, n


async def annotation_never_evaluated(uid: int):
    # A function does not evaluate its variables' annotations: the
    # declaration before the gather does not either.
    user: UndefinedName = await fetch_user(uid)  # rewrite
    n: int = await count(uid)
    return user, n


async def main():
    print(await annotated(1))
    print(await mixed(2))
    print(await one_line(3))
    await one_line_body(4, True)
    await one_line_body(5, False)
    print(await after_other_code(6))
    print(await annotation_never_evaluated(7))
    print(annotation_never_evaluated.__annotations__)


asyncio.run(main())
