from svc import store
exec("def save(x):\n    print(\"sync\", x)\n", store.__dict__)
