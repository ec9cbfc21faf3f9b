# asyncmod-test: --unsafe-fixes
async def ask(prompt):
    answer = input(prompt)  # rewrite: the builtin
    confirm = input()  # rewrite: no arguments
    return answer, confirm
