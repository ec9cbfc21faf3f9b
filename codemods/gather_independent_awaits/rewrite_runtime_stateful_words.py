# asyncmod-test: --unsafe-fixes
# asyncmod-runtime: compare
# Stateful names are found by their words, through aliases and annotations.
import asyncio


class Connection:
    def __init__(self, name):
        self.name = name
        self.busy = False

    async def fetch(self, query):
        if self.busy:
            raise RuntimeError(f"{self.name}: another operation is in progress")
        self.busy = True
        await asyncio.sleep(0.001)
        self.busy = False
        return f"{self.name}:{query}"


async def get_user(handle, user_id):
    return await handle.fetch(f"user {user_id}")


async def get_orders(handle, user_id):
    return await handle.fetch(f"orders {user_id}")


async def with_session(db_session):
    a = await get_user(db_session, 1)  # leave: `db_session` has the word `session`
    b = await get_orders(db_session, 1)
    return a, b


async def with_conn(pg_conn):
    a = await get_user(pg_conn, 1)  # leave: `pg_conn` has the word `conn`
    b = await get_orders(pg_conn, 1)
    return a, b


async def with_sock(sock):
    a = await get_user(sock, 1)  # leave: `sock`
    b = await get_orders(sock, 1)
    return a, b


async def with_sess(sess):
    a = await get_user(sess, 1)  # leave: `sess`
    b = await get_orders(sess, 1)
    return a, b


async def annotated_alias(name):
    handle: Connection = Connection(name)
    other = handle
    a = await get_user(other, 1)  # leave: `other` is the annotated `handle`
    b = await get_orders(handle, 1)
    return a, b


class Service:
    def __init__(self):
        self.db = Connection("db")

    async def aliased_attribute(self):
        handle = self.db
        a = await get_user(handle, 1)  # leave: `handle` is `self.db`
        b = await get_orders(self.db, 1)
        return a, b


async def title(text):
    await asyncio.sleep(0)
    return text.title()


async def main():
    # rewrite: the only independent pair in this file; every `leave` above stays
    heading = await title("start")
    footer = await title("end")
    print(heading)
    for run in [
        lambda: with_session(Connection("db_session")),
        lambda: with_conn(Connection("pg_conn")),
        lambda: with_sock(Connection("sock")),
        lambda: with_sess(Connection("sess")),
        lambda: annotated_alias("handle"),
        Service().aliased_attribute,
    ]:
        try:
            print(await run())
        except RuntimeError as error:
            print("error:", error)
    print(footer)


asyncio.run(main())
