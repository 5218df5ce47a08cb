# pkg_a.lazy: imported only inside a function, so its body runs when the function is called
print("pkg_a.lazy: body runs now")
N = 42
