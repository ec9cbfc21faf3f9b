class Cleanup:
    def __init__(self):
        print('cleanup')
        raise ValueError('x')
