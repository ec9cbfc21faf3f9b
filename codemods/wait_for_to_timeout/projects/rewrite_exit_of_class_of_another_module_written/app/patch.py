from app import pool
async def _log(self, *exc):
    print('pool exit logged')
pool.Pool.__aexit__ = _log
