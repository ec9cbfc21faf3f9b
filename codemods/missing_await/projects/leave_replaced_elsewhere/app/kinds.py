from app.store import Base

# Subclasses no summary shows: made at run time, or in a function body.
Dynamic = type("Dynamic", (Base,), {"put": lambda self, x: print("sync", x)})


def make():
    class Local(Base):
        def put(self, x):
            print("sync", x)

    return Local()
