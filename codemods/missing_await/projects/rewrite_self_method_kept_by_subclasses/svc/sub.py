from svc.base import Base


class Log:
    def log(self, message):
        print(message)


class Sub(Base, Log):
    async def flush(self):
        self.flushed = "sub"
