# asyncmod-test: --unsafe-fixes
# Found by adversarial programs: the callee changes state of a class of the
# module through methods no call names (a constructor, `__post_init__`,
# `__enter__`, a property setter): run side by side, the calls would see each
# other's changes in another order. Runs as it is (python3 FILE).
import asyncio
import dataclasses


class Slot:
    taken = []

    def __enter__(self):
        Slot.taken.append(1)
        return len(Slot.taken)

    def __exit__(self, *exc):
        return False


@dataclasses.dataclass
class Job:
    uid: int
    order = []

    def __post_init__(self):
        Job.order.append(self.uid)


class Box:
    history = []

    @property
    def value(self):
        return None

    @value.setter
    def value(self, v):
        Box.history.append(v)


async def with_slot(uid):
    await asyncio.sleep(0.01 * (3 - uid))
    with Slot() as n:
        return (uid, n)


async def with_job(uid):
    await asyncio.sleep(0.01 * (3 - uid))
    Job(uid)
    return (uid, len(Job.order))


async def with_box(uid):
    await asyncio.sleep(0.01 * (3 - uid))
    b = Box()
    b.value = uid
    return (uid, len(Box.history))


class Ticket:
    issued = 0

    def __init__(self, uid):
        Ticket.issued += 1
        self.no = Ticket.issued
        self.uid = uid


async def with_ticket(uid):
    await asyncio.sleep(0.01 * (3 - uid))
    t = Ticket(uid)
    return (uid, t.no)


async def main():
    print([await with_ticket(u) for u in [1, 2]])
    print([await with_slot(u) for u in [1, 2]])
    print([await with_job(u) for u in [1, 2]])
    print([await with_box(u) for u in [1, 2]])


asyncio.run(main())
