async def report():
    return "report"
