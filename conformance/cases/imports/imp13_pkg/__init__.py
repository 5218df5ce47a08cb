# constants for imp_13_const_per_file: equal to constants of the importing file
T = (1, 2.5, 'a b')
S = 'not an identifier'
F = 2.5
B = 12345678901
N = 'name_like'
D = {'k': (1, 2.5, 'a b')}
