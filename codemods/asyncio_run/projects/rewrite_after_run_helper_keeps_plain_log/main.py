# asyncmod-runtime: compare
# rewrite (safe): `log()`, called by `main()`, keeps strings in `LOG`; after the
# run the code only reads them, calling no method of what it kept
import asyncio

LOG = []


def log(message):
    LOG.append(message)


async def main():
    log("started")
    await asyncio.sleep(0)
    log("done")
    return 1


if __name__ == "__main__":
    loop = asyncio.new_event_loop()
    try:
        result = loop.run_until_complete(main())
    finally:
        loop.close()
    print(result, len(LOG), LOG[-1])
