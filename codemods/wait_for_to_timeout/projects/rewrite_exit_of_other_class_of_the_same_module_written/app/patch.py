from app import conn
async def _log(self, *exc):
    print('pool exit logged')
conn.Pool.__aexit__ = _log
