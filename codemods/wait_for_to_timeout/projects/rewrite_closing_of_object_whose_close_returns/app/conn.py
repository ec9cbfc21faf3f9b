class Conn:
    def close(self):
        print("job: closed")
    async def aclose(self):
        print("job: aclosed")
