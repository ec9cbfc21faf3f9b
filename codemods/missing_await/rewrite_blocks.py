async def notify(user, message):
    await user.send(message)


async def broadcast(users, message, lock):
    async with lock:
        for user in users:
            try:
                notify(user, message)  # rewrite
            except ConnectionError:
                continue
            else:
                (notify(user, "done"))  # rewrite: parentheses are kept
    while users:
        notify(users.pop(), "bye")  # rewrite
