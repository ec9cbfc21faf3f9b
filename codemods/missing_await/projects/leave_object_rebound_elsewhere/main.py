# asyncmod-runtime: compare
import asyncio
import db

class Sync:
    def save(self):
        print("sync save")

db.repo = Sync()

async def h():
    db.repo.save()

asyncio.run(h())
