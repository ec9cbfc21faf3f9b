from sub import Sub

print(Sub().peek())
