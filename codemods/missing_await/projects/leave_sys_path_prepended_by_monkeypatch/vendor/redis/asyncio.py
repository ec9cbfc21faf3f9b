class Redis:
    def set(self, k, v):
        print('vendored sync set', k, v)
