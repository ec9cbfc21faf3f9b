def __getattr__(name):
    # Every name of this module is made on demand.
    def make(*args):
        return None

    return make
