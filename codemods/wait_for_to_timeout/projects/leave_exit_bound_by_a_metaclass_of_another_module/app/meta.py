async def _keep(self, *exc):
    print('meta exit')
    return True
class Managed(type):
    def __new__(mcs, name, bases, ns):
        ns.setdefault('__aexit__', _keep)
        return super().__new__(mcs, name, bases, ns)
