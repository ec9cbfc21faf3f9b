from app import conn
print(conn.Conn)
