import socket


def sender(sock: socket.socket):
    return lambda data: sock.send(data)
