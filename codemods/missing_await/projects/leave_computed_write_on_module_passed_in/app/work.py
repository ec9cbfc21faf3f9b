from app import store

async def handle():
    store.save()
    print('done')
