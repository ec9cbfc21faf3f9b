from app import conn, keeper
conn.Conn.__aexit__ = keeper.Keeper.__aexit__
