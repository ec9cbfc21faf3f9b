class Base:
    def __init__(self):
        print("cleanup")
class Cleanup(Base):
    def check(self):
        raise ValueError("only when asked")
class Report(Exception):
    pass
