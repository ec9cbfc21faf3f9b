# asyncmod-test: --unsafe-fixes
# redis's cluster client: `NodesManager.aclose` gathers the disconnects;
# `Client.aclose` calls it through `self.nodes_manager`, the handler of
# `_execute_command` awaits `self.aclose()` then re-raises, and
# `execute_command` retries when `type(e) in RETRY`. A TaskGroup would
# raise an `ExceptionGroup` there, which is in no retry list: the retry
# would stop. Runs as it is (python3 FILE).
import asyncio


class Node:
    def __init__(self, name, fail):
        self.name = name
        self.fail = fail

    async def disconnect(self):
        await asyncio.sleep(0)
        if self.fail:
            raise ConnectionError(f"{self.name} is gone")


class NodesManager:
    def __init__(self, nodes):
        self.nodes = nodes

    async def aclose(self):
        await asyncio.gather(  # leave, reported: a caller's caller retries by type
            *(asyncio.create_task(node.disconnect()) for node in self.nodes)
        )


class Client:
    RETRY = (ConnectionError, TimeoutError)

    def __init__(self):
        self.nodes_manager = NodesManager([Node("a", False), Node("b", True)])
        self.attempts = 0

    async def aclose(self):
        await self.nodes_manager.aclose()

    async def _execute_command(self):
        self.attempts += 1
        try:
            if self.attempts == 1:
                raise ConnectionError("first attempt fails")
            return "OK"
        except ConnectionError:
            await self.aclose()
            raise

    async def execute_command(self):
        retries = 2
        while True:
            try:
                return await self._execute_command()
            except Exception as e:
                if retries > 0 and type(e) in self.RETRY:
                    retries -= 1
                    continue
                raise


print(asyncio.run(Client().execute_command()))
