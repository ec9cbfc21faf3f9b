from app.base import Base
def _flush(self):
    print("sync flush")
ns = dict(Base.__dict__)
ns["flush"] = _flush
Sub = type("Sub", (), ns)
