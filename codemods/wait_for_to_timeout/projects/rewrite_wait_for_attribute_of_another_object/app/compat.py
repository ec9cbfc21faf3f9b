import types


class Client:
    def __init__(self):
        self.wait_for = lambda: "client wait"
        self.timeout = 5


client = Client()
m_asyncio = types.SimpleNamespace()
m_asyncio.wait_for = "a stand-in's wait_for"
m_asyncio.timeout = None
settings = types.SimpleNamespace(timeout=3)
settings.timeout = 4
print("asyncio.wait_for calls:", 0)
