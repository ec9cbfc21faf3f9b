def save(self, x):
    print('helper save', x)
