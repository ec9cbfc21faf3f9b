class Base:
    def __del__(self):
        self.cleanup()
