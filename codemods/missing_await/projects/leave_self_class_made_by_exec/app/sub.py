from app.base import Base
exec("class Sub(Base):\n    def flush(self):\n        print('sync flush')\n")
