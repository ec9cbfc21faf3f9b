from svc.base import Base


class Sub(Base):
    def flush(self):
        print('sync flush')
