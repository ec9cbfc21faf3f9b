# asyncmod-test: --unsafe-fixes
import asyncio
from asyncio import coroutine


class Session:
    # Connections are opened lazily.
    @coroutine
    def connect(self):  # rewrite
        self.reader, self.writer = yield from asyncio.open_connection("db", 5432)

    @classmethod
    @coroutine  # kept for Python 3.4
    def create(cls):  # rewrite: `@classmethod` stays
        session = cls()
        yield from session.connect()
        return session

    @coroutine
    def query(self, sql):  # rewrite: `self.connect()` is known, `readline()` is not
        yield from self.connect()
        self.writer.write(sql.encode())
        return (yield from self.reader.readline())
