from app.base import Base
class Sub:
    run = Base.run
    def flush(self):
        print("sync flush")
