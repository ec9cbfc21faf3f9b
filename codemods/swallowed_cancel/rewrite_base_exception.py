# asyncmod-test: --unsafe-fixes
import asyncio


async def call(client, request):
    try:
        response = await client.send(request)
    except BaseException as exc:  # rewrite
        return {"error": repr(exc)}
    return {"ok": response}


async def stream(client):
    try:
        async for chunk in client.stream():
            print(chunk)
    except (OSError, BaseException):  # rewrite: in a tuple too
        return None
