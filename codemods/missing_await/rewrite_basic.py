"""Order handling: the audit write was never awaited."""
import logging

log = logging.getLogger(__name__)


async def audit(order, event):
    log.info("order %s: %s", order.id, event)


async def handle(order):
    audit(order, "received")  # rewrite: the coroutine never ran
    await order.save()
    audit(order, "saved")  # rewrite
