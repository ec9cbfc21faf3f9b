from app import jobs
async def tolerant(self, *exc):
    print("tolerant exit")
    return True
jobs.Conn.__aexit__ = tolerant
