# asyncmod-test: --unsafe-fixes --line-length 79
import asyncio

from app.reports import daily_revenue, monthly_active_users, refund_totals


async def morning_report(tenant_identifier, report_date):
    # rewrite: one line would be 99 characters, so one argument per line
    revenue = await daily_revenue(tenant_identifier, report_date)
    actives = await monthly_active_users(tenant_identifier, report_date)
    refunds = await refund_totals(tenant_identifier)
    return revenue, actives, refunds


async def short(t):
    a = await refund_totals(t)  # rewrite: fits on one line
    b = await daily_revenue(t, None)
    return a, b
