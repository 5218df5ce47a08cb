# bad input: 11 nested except clauses: each clause body holds two blocks (EXCEPTION_HANDLER and
# HANDLER_CLEANUP, Python/compile.c compiler_try_except), so the innermost needs 22 > CO_MAXBLOCKS 20
try:
 pass
except ValueError:
  try:
   pass
  except ValueError:
    try:
     pass
    except ValueError:
      try:
       pass
      except ValueError:
        try:
         pass
        except ValueError:
          try:
           pass
          except ValueError:
            try:
             pass
            except ValueError:
              try:
               pass
              except ValueError:
                try:
                 pass
                except ValueError:
                  try:
                   pass
                  except ValueError:
                    try:
                     pass
                    except ValueError:
                      pass
