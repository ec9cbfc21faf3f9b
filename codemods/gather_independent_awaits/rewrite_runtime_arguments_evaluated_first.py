# asyncmod-test: --unsafe-fixes
# asyncmod-runtime: compare
# `gather` evaluates every call's arguments before any call runs: a later
# argument that changes what an earlier call receives would change it
# before that call runs.
import asyncio

saved = []


async def save_user(record):
    await asyncio.sleep(0)
    saved.append(dict(record))
    return "user-1"


async def send_welcome(password):
    await asyncio.sleep(0)
    return "mail sent"


async def a_later_argument_pops_from_the_record(form):
    record = dict(form)
    uid = await save_user(record)  # leave: `record.pop` runs before `save_user`
    mail = await send_welcome(record.pop("password"))
    print(uid, mail, saved)


def strip_secrets(record):
    record.pop("password", None)
    return record


async def a_later_argument_passes_it_to_a_function(form):
    record = dict(form)
    uid = await save_user(record)  # leave: `strip_secrets` may change `record`
    mail = await send_welcome(strip_secrets(record))
    print(uid, mail, saved)


async def normalise(record):
    await asyncio.sleep(0)
    record["name"] = record["name"].upper()
    return "normalised"


async def greet(name):
    await asyncio.sleep(0)
    return "hello " + name


async def a_later_argument_reads_what_the_call_is_given(form):
    record = dict(form)
    status = await normalise(record)  # leave: `record["name"]` is read first
    greeting = await greet(record["name"])
    print(status, greeting)


async def a_later_argument_reads_what_a_container_given_holds(form):
    record = dict(form)
    box = {"record": record}
    status = await normalise_boxed(box)  # leave: `box` holds `record`
    greeting = await greet(record["name"])
    print(status, greeting)


async def normalise_boxed(box):
    return await normalise(box["record"])


async def builtins_that_change_nothing(form, extra):
    record = dict(form)
    # rewrite: `len` and `str` change nothing, and `extra` is not given
    uid = await save_user(record)
    mail = await send_welcome(str(len(extra)))
    print(uid, mail, saved)


async def main():
    form = {"name": "ann", "password": "pw"}
    await a_later_argument_pops_from_the_record(form)
    await a_later_argument_passes_it_to_a_function(form)
    await a_later_argument_reads_what_the_call_is_given(form)
    await a_later_argument_reads_what_a_container_given_holds(form)
    await builtins_that_change_nothing(form, ["extra"])


asyncio.run(main())
