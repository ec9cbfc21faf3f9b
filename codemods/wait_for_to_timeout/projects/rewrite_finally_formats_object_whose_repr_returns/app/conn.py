class Conn:
    def __repr__(self):
        return "Conn(lost)"
    def __str__(self):
        return "lost connection"
