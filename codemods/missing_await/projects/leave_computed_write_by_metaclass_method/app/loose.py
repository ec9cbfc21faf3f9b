class Meta(type):
    def go(self, other):
        self.fill(other, flush=lambda: print('sync flush'))

class Loose(metaclass=Meta):
    def fill(self, **kw):
        for k, v in kw.items():
            setattr(self, k, v)
