# bad input: from-imports are outside the subset
from gc import collect
collect()
