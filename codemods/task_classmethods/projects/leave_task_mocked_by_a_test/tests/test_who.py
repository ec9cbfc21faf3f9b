import asyncio
from unittest import mock

import main


def test_who_uses_the_task_class():
    with mock.patch("asyncio.Task") as task:
        task.current_task.return_value = object()
        assert asyncio.run(main.who())
        task.current_task.assert_called_once_with()
