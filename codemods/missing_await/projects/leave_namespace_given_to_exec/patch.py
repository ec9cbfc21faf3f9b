def fake(x):
    print('fake save', x)


from svc import store
exec('def save(x):\n    print("exec sync", x)', store.__dict__)
