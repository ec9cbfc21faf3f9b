import asyncio


class Client:
    def __init__(self, host, port):
        self.host = host
        self.port = port
        self._loop = asyncio.get_event_loop()

    async def connect(self):
        reader, writer = await asyncio.open_connection(  # rewrite
            self.host, self.port, loop=self._loop
        )
        return reader, writer

    async def serve(self, handler):
        return await asyncio.start_server(handler, "0.0.0.0", 8080, loop=self._loop)  # rewrite

    async def run(self, *argv):
        proc = await asyncio.create_subprocess_exec(  # rewrite
            *argv,
            stdout=asyncio.subprocess.PIPE,
            loop=self._loop,
        )
        shell = await asyncio.create_subprocess_shell("true", loop=asyncio.get_running_loop())  # rewrite
        return proc, shell
