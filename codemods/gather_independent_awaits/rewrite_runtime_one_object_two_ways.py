# asyncmod-test: --unsafe-fixes
# asyncmod-runtime: compare
# One object reached two ways is one receiver: every pair below shares a
# connection that refuses a second operation while one is in progress.
import asyncio
import contextlib


class Conn:
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

    def cursor(self):
        return Cursor(self)


class Cursor:
    def __init__(self, conn):
        self.conn = conn

    async def execute(self, query):
        return await self.conn.fetch(query)


class Repo:
    def __init__(self, conn):
        self.conn = conn

    async def get(self, query):
        return await self.conn.fetch(query)


class Api:
    def __init__(self):
        self.db = Conn("api")


class Base:
    conn = Conn("class")

    def __init__(self):
        self.pg = Conn("pg")
        self.api = Api()
        self.conns = [self.pg, self.pg]

    async def connect(self):
        return await self.pg.fetch("connect")

    @classmethod
    async def make(cls):
        return await cls.conn.fetch("make")


class Service(Base):
    async def load(self):
        return await self.pg.fetch("load")

    async def through_super(self):
        a = await super().connect()  # leave: `super()` is `self`
        b = await self.load()
        return a, b

    async def through_super_with_arguments(self):
        a = await super(Service, self).connect()  # leave: `self` again
        b = await self.load()
        return a, b

    async def through_type(self):
        a = await type(self).make()  # leave: `type(self)` is `self`'s class
        b = await self.conn.fetch("b")
        return a, b

    async def through_dunder_class(self):
        a = await self.__class__.make()  # leave: so is `self.__class__`
        b = await self.conn.fetch("b")
        return a, b

    async def through_the_class_name(self):
        a = await Service.conn.fetch("a")  # leave: the method's own class
        b = await self.conn.fetch("b")
        return a, b

    @classmethod
    async def through_cls(klass):
        a = await klass.make()  # leave: a classmethod's first parameter
        b = await Service.conn.fetch("b")
        return a, b

    async def through_an_alias(self):
        pg = self.pg
        a = await pg.fetch("a")  # leave: `pg` is `self.pg`
        b = await self.pg.fetch("b")
        return a, b

    async def through_an_alias_of_self(self):
        me = self
        a = await me.load()  # leave: `me` is `self`
        b = await self.pg.fetch("b")
        return a, b

    async def through_an_attribute_chain(self):
        x = self.api
        y = x.db
        a = await y.fetch("a")  # leave: `y` is `self.api.db`
        b = await self.api.db.fetch("b")
        return a, b

    async def through_a_tuple(self):
        p, q = self.pg, self.api
        a = await p.fetch("a")  # leave: `p` is `self.pg`
        b = await self.pg.fetch("b")
        return a, b

    async def through_a_walrus(self):
        if p := self.pg:
            a = await p.fetch("a")  # leave: `p` is `self.pg`
            b = await self.pg.fetch("b")
            return a, b

    async def through_a_bound_method(self):
        get = self.pg.fetch
        a = await get("a")  # leave: `get` is a method of `self.pg`
        b = await self.pg.fetch("b")
        return a, b

    async def through_getattr(self):
        a = await getattr(self, "pg").fetch("a")  # leave: `self` is passed
        b = await self.pg.fetch("b")
        return a, b

    async def through_items(self):
        a = await self.conns[0].fetch("a")  # leave: one list, maybe one item
        b = await self.conns[1].fetch("b")
        return a, b

    async def through_a_closure(self):
        pg = self.pg

        async def inner():
            a = await pg.fetch("a")  # leave: `pg` of the enclosing function
            b = await self.pg.fetch("b")
            return a, b

        return await inner()


class DeviceApi:
    def __init__(self, auth):
        self.auth = auth

    async def get_devices(self):
        return await self.auth.fetch("devices")


class Controller:
    def __init__(self):
        self._auth = Conn("auth")
        self._api = DeviceApi(self._auth)

    async def initialize(self):
        devices = await self._api.get_devices()  # leave: `_api` was made from `_auth`
        credentials = await self._auth.fetch("login")
        return devices, credentials


class Pool:
    def __init__(self):
        self.conn = Conn("pool")

    @contextlib.asynccontextmanager
    async def acquire(self):
        yield self.conn

    async def fetch(self, query):
        return await self.conn.fetch(query)


_singleton = Conn("singleton")


def get_db():
    return _singleton


async def with_as(pool):
    async with pool.acquire() as conn:
        a = await conn.fetch("a")  # leave: `conn` comes from `pool`
        b = await pool.fetch("b")
        return a, b


async def cursor_of(conn):
    cur = conn.cursor()
    a = await cur.execute("a")  # leave: the cursor uses `conn`
    b = await conn.fetch("b")
    return a, b


async def wrapped(conn):
    repo = Repo(conn)
    a = await repo.get("a")  # leave: `repo` holds `conn`
    b = await conn.fetch("b")
    return a, b


async def two_wrappers(conn):
    users = Repo(conn)
    orders = Repo(conn)
    a = await users.get("a")  # leave: both hold `conn`
    b = await orders.get("b")
    return a, b


async def loop_element(conns):
    for conn in conns:
        a = await conn.fetch("a")  # leave: `conn` is `conns[0]`
        b = await conns[0].fetch("b")
        return a, b


async def same_item_twice(conns):
    first = conns["x"]
    second = conns["x"]
    a = await first.fetch("a")  # leave: one item of one dict
    b = await second.fetch("b")
    return a, b


async def one_getter(make):
    first = make()
    second = make()
    a = await first.fetch("a")  # leave: a function may hand out one object
    b = await second.fetch("b")
    return a, b


async def module_function_getter():
    first = get_db()
    second = get_db()
    a = await first.fetch("a")  # leave: so may a function of the module
    b = await second.fetch("b")
    return a, b


async def title(text):
    await asyncio.sleep(0)
    return text.title()


async def main():
    # rewrite: the only independent pair in this file; every `leave` above stays
    heading = await title("start")
    footer = await title("end")
    print(heading)
    service = Service()
    shared = Conn("shared")
    for run in [
        service.through_super,
        service.through_super_with_arguments,
        service.through_type,
        service.through_dunder_class,
        service.through_the_class_name,
        Service.through_cls,
        service.through_an_alias,
        service.through_an_alias_of_self,
        service.through_an_attribute_chain,
        service.through_a_tuple,
        service.through_a_walrus,
        service.through_a_bound_method,
        service.through_getattr,
        service.through_items,
        service.through_a_closure,
        Controller().initialize,
        lambda: with_as(Pool()),
        lambda: cursor_of(shared),
        lambda: wrapped(shared),
        lambda: two_wrappers(shared),
        lambda: loop_element([shared]),
        lambda: same_item_twice({"x": shared}),
        lambda: one_getter(get_db),
        module_function_getter,
    ]:
        try:
            print(await run())
        except RuntimeError as error:
            print("error:", error)
    print(footer)


asyncio.run(main())
