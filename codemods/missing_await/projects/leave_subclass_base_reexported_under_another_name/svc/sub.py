from svc import Core


class Sub(Core):
    def flush(self):
        print("sync flush")
