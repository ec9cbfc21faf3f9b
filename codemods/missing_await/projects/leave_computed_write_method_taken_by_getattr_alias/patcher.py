def sync_fill(*a):
    return "sync"

class Patcher:
    def __init__(self):
        self.x = 1

    def patch(self):
        for name in ["fill"]:
            setattr(self, name, lambda: self.log.append("sync"))
