import socket
import time


async def connect():
    conn = socket.create_connection(("db", 5432))  # leave: the project's socket.py
    time.sleep(0)  # not AM108's
    return conn
