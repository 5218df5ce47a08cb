# pkg_a.broken: reached only by an import inside try, at run time; its body raises
print("pkg_a.broken: body runs")
raise KeyError("broken")
