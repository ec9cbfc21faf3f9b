# -*- coding: utf-8 -*-
import time


async def café():
    """Déjà vu."""
    time.sleep(1)  # rewrite: BOM, cookie and non-ASCII text survive
