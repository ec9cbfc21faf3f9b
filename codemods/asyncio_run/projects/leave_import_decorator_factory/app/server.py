from app.hooks import READY, register


@register("main")
async def main():
    print(await READY["main"])
