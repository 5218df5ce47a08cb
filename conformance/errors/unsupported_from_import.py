# bad input: relative imports are outside the subset (no packages)
from gc import collect
from . import sibling
collect()
