async def fetch():
    pass


fetch = instrument(fetch)  # the name is bound twice now


if FAST:
    async def parse():
        pass
else:
    def parse():
        pass


async def main(load):
    fetch()  # leave: bound more than once
    parse()  # leave: conditionally a plain function

    async def load_all():
        pass

    load()  # leave: a parameter, not the def above
