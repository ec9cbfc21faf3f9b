from app.conn import Conn as Pool
