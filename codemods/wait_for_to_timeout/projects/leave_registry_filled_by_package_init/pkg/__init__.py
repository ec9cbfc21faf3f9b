from pkg import handlers
