class Conn:
    async def aclose(self):
        print('conn: aclose')
