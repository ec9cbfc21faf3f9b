# asyncmod-test: --unsafe-fixes
# asyncmod-runtime: compare
# Calls that reach one object through the module or an enclosing function:
# an instance at module level (whatever its name), default values, objects
# made from one object, closures over one local, a context variable.
import asyncio
import contextvars
import logging


class Wire:
    """One operation at a time, like a database connection."""

    def __init__(self):
        self.busy = False

    async def call(self, query):
        if self.busy:
            raise RuntimeError("wire busy")
        self.busy = True
        await asyncio.sleep(0.01)
        self.busy = False
        return query


class LineServer:
    """A child process speaking a line protocol: one request, one reply."""

    def __init__(self):
        self.pending = []

    async def write(self, line):
        self.pending.append(line)

    async def readline(self):
        await asyncio.sleep(0)
        return "reply to " + self.pending.pop(0)


server = LineServer()


async def ask_price(item):
    await server.write("price " + item)
    await asyncio.sleep(0.01 if item == "apple" else 0)
    return await server.readline()


async def ask_stock(item):
    await server.write("stock " + item)
    return await server.readline()


async def a_module_level_instance():
    price = await ask_price("apple")  # leave: both use `server`
    stock = await ask_stock("pear")
    print("price:", price)
    print("stock:", stock)


WIRE = Wire()
DB_CONN = Wire()


async def get_user(uid, wire=WIRE):
    return await wire.call(("user", uid))


async def get_orders(uid, wire=WIRE):
    return await wire.call(("orders", uid))


async def get_cart(uid, conn=DB_CONN):
    return await conn.call(("cart", uid))


async def get_wishes(uid, conn=DB_CONN):
    return await conn.call(("wishes", uid))


async def default_values():
    user = await get_user(1)  # leave: both defaults are `WIRE`
    orders = await get_orders(1)
    print(user, orders)


async def default_values_with_a_stateful_name():
    cart = await get_cart(1)  # leave: both defaults are `DB_CONN`
    wishes = await get_wishes(1)
    print(cart, wishes)


class Repo:
    def __init__(self, wire, table):
        self.wire, self.table = wire, table

    async def all(self):
        return await self.wire.call("select * from " + self.table)


class Service:
    def __init__(self, session):
        self.users = Repo(session, "users")
        self.orders = Repo(session, "orders")

    async def dashboard(self):
        users = await self.users.all()  # leave: both repositories hold `session`
        orders = await self.orders.all()
        return users, orders


async def closures_over_one_local():
    conn = Wire()

    async def users():
        return await conn.call("users")

    async def orders():
        return await conn.call("orders")

    u = await users()  # leave: both use `conn`
    o = await orders()
    print(u, o)


request_scope = contextvars.ContextVar("request_scope")


async def load_user(uid):
    return await request_scope.get().call(("user", uid))


async def load_cart(uid):
    return await request_scope.get().call(("cart", uid))


async def a_context_variable():
    request_scope.set(Wire())
    user = await load_user(7)  # leave: both use `request_scope`
    cart = await load_cart(7)
    print(user, cart)


pool = [Wire()]


async def first_in_pool(query):
    return await pool[0].call(query)


async def last_in_pool(query):
    return await pool[-1].call(query)


async def an_instance_in_a_module_level_list():
    first = await first_in_pool("a")  # leave: both use `pool[0]`
    last = await last_in_pool("b")
    print(first, last)


log = logging.getLogger(__name__)
RETRIES = 3


async def ping(host):
    log.debug("ping %s", host)
    await asyncio.sleep(0.01)
    return host, RETRIES


async def a_logger_and_a_constant():
    # rewrite: a logger and a constant are no shared object
    first = await ping("a")
    second = await ping("b")
    print(first, second)


async def main():
    await a_module_level_instance()
    await default_values()
    await default_values_with_a_stateful_name()
    print(await Service(Wire()).dashboard())
    await closures_over_one_local()
    await a_context_variable()
    await an_instance_in_a_module_level_list()
    await a_logger_and_a_constant()


asyncio.run(main())
