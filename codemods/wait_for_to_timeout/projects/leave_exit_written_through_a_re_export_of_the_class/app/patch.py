from app import pool
async def _keep(self, *exc):
    print('kept by pool exit')
    return True
pool.Pool.__aexit__ = _keep
