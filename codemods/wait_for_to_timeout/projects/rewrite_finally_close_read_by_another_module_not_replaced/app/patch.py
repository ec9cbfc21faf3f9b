from app import conn
print('close is', conn.Conn.close.__name__)
