class Patcher:
    def patch(self):
        for name in ["fill"]:
            setattr(self, name, lambda: self.log.append("sync"))

    def apply(self, other, which):
        getattr(self, which).__func__(other)
