class Conn:
    def close(self):
        raise RuntimeError("close failed")
    async def aclose(self):
        raise RuntimeError("aclose failed")
