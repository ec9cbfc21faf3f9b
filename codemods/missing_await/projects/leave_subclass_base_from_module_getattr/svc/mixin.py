class SyncMixin:
    def save(self, x):
        print('mixin sync', x)
