# bad input: 21 nested loops, one more than CO_MAXBLOCKS (Python/compile.c compiler_push_fblock:
# SyntaxError: too many statically nested blocks)
for i in []:
 for i in []:
  for i in []:
   for i in []:
    for i in []:
     for i in []:
      for i in []:
       for i in []:
        for i in []:
         for i in []:
          for i in []:
           for i in []:
            for i in []:
             for i in []:
              for i in []:
               for i in []:
                for i in []:
                 for i in []:
                  for i in []:
                   for i in []:
                    for i in []:
                     pass
