import svc.store


def fake(x):
    print('fake save', x)


svc.store.save = fake
