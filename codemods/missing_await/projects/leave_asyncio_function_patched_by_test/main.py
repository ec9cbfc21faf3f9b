# asyncmod-runtime: compare
import test_work

test_work.run()
