# asyncmod-test: --unsafe-fixes
import asyncio


async def two_messages(p):
    # leave: both read from one subscription; the first message must come first
    message1 = await wait_for_message(p)
    message2 = await wait_for_message(p)
    return message1, message2


async def pop_then_read(history_manager):
    # leave: `pop()` changes the state the second call reads
    record = await history_manager.pop()
    history_data = await history_manager._history_state.get_data()
    return record, history_data


async def power(power_wall):
    # leave: the wall is one call's argument and the other's receiver
    backup_reserve = await get_backup_reserve_percentage(power_wall)
    charge = await power_wall.get_charge()
    return backup_reserve, charge


class Coordinator:
    async def refresh(self, fields):
        # leave: both go through `self.api`, one client
        user = await self.api.user.get(userFields=fields)
        tasks = await self.api.tasks.user.get()
        return user, tasks

    async def property(self, prop):
        # leave: `self.parse_scalar` may use `self.graph`
        name = await self.graph.get_property(prop[0])
        value = await self.parse_scalar(prop[1:])
        return name, value


async def wait_for_message(p):
    return await p.get_message()


async def get_backup_reserve_percentage(power_wall):
    return await power_wall.get_backup_reserve_percentage()
