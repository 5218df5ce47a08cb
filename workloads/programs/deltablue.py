# deltablue: refheap's own implementation of the classic DeltaBlue benchmark (the incremental one-way
# dataflow constraint solver of Freeman-Benson, Maloney and Borning, run by pyperformance as bm_deltablue):
# variables joined by constraints of graded strengths; adding or removing a constraint re-plans only the
# part of the graph it touches, by walking "walkabout strengths" downstream. The workload is the benchmark's
# two tests: a chain of equality constraints driven by an edit at one end, and a projection of many
# variables through scale-and-offset constraints, edited from either side. Written for refheap from the
# well-known description of the algorithm, not from any existing program, so its timings are comparable in
# shape, not identical in work, to pyperformance's. (Scaling backwards divides with `//`: every value here
# is an int and every backward scale is exact.)
# Prints a deterministic checksum: sums of the values and plan lengths the tests saw.

# Strengths: a smaller number is stronger.
REQUIRED = 0
STRONG_PREFERRED = 1
PREFERRED = 2
STRONG_DEFAULT = 3
NORMAL = 4
WEAK_DEFAULT = 5
WEAKEST = 6

# Which way a two-variable constraint currently computes.
UNDECIDED = 0
FORWARD = 1    # from its first variable to its second
BACKWARD = 2   # from its second variable to its first


class Var:
    def __init__(self, name, value):
        self.name = name
        self.value = value
        self.users = []          # every constraint that mentions this variable
        self.source = None       # the satisfied constraint that computes it, if any
        self.walk = WEAKEST      # walkabout strength: the weakest strength upstream of it
        self.constant = True     # whether its value is fixed at plan time (only stays upstream)
        self.mark = 0


class Constraint:
    # Subclasses provide: attach, detach, pick_direction, satisfied, out, mark_ins, ins_known,
    # unsatisfy, refresh, execute.
    def editable(self):
        return False

    def enforce(self, mark, solver):
        # Try to satisfy this constraint in the current pass; return the constraint it displaced.
        self.pick_direction(mark)
        if not self.satisfied():
            if self.strength == REQUIRED:
                raise ValueError("a required constraint cannot be satisfied")
            return None
        self.mark_ins(mark)
        target = self.out()
        displaced = target.source
        if displaced is not None:
            displaced.unsatisfy()
        target.source = self
        if not solver.propagate(self, mark):
            raise ValueError("the constraint graph has a cycle")
        target.mark = mark
        return displaced

    def retract(self, solver):
        if self.satisfied():
            solver.remove(self)
        else:
            self.detach()


class OneVar(Constraint):
    def __init__(self, solver, var, strength):
        self.strength = strength
        self.var = var
        self.on = False
        self.attach()
        solver.add(self)

    def attach(self):
        self.var.users.append(self)
        self.on = False

    def detach(self):
        self.var.users.remove(self)
        self.on = False

    def pick_direction(self, mark):
        self.on = self.var.mark != mark and self.strength < self.var.walk

    def satisfied(self):
        return self.on

    def out(self):
        return self.var

    def mark_ins(self, mark):
        pass

    def ins_known(self, mark):
        return True

    def unsatisfy(self):
        self.on = False

    def refresh(self):
        self.var.walk = self.strength
        self.var.constant = not self.editable()
        if self.var.constant:
            self.execute()

    def execute(self):
        pass


class Stay(OneVar):
    # Keep the variable's value as it is.
    pass


class Edit(OneVar):
    # The variable is set from outside before each run of a plan.
    def editable(self):
        return True


class TwoVar(Constraint):
    def __init__(self, solver, a, b, strength):
        self.strength = strength
        self.a = a
        self.b = b
        self.way = UNDECIDED

    def attach(self):
        self.a.users.append(self)
        self.b.users.append(self)
        self.way = UNDECIDED

    def detach(self):
        self.a.users.remove(self)
        self.b.users.remove(self)
        self.way = UNDECIDED

    def pick_direction(self, mark):
        # Write into the side not yet visited in this pass, and only over a weaker walk strength;
        # with neither side visited, write into the weaker side.
        a = self.a
        b = self.b
        if a.mark == mark:
            self.way = FORWARD if b.mark != mark and self.strength < b.walk else UNDECIDED
        elif b.mark == mark:
            self.way = BACKWARD if self.strength < a.walk else UNDECIDED
        elif a.walk > b.walk:
            self.way = BACKWARD if self.strength < a.walk else UNDECIDED
        else:
            self.way = FORWARD if self.strength < b.walk else BACKWARD

    def satisfied(self):
        return self.way != UNDECIDED

    def inp(self):
        return self.a if self.way == FORWARD else self.b

    def out(self):
        return self.b if self.way == FORWARD else self.a

    def mark_ins(self, mark):
        self.inp().mark = mark

    def ins_known(self, mark):
        v = self.inp()
        return v.mark == mark or v.constant or v.source is None

    def unsatisfy(self):
        self.way = UNDECIDED

    def refresh(self):
        src = self.inp()
        dst = self.out()
        dst.walk = self.strength if self.strength > src.walk else src.walk
        dst.constant = src.constant
        if dst.constant:
            self.execute()


class Equal(TwoVar):
    def __init__(self, solver, a, b, strength):
        TwoVar.__init__(self, solver, a, b, strength)
        self.attach()
        solver.add(self)

    def execute(self):
        self.out().value = self.inp().value


class Scale(TwoVar):
    # b = a * factor + shift, kept in either direction.
    def __init__(self, solver, a, factor, shift, b, strength):
        TwoVar.__init__(self, solver, a, b, strength)
        self.factor = factor
        self.shift = shift
        self.attach()
        solver.add(self)

    def attach(self):
        TwoVar.attach(self)
        self.factor.users.append(self)
        self.shift.users.append(self)

    def detach(self):
        TwoVar.detach(self)
        self.factor.users.remove(self)
        self.shift.users.remove(self)

    def mark_ins(self, mark):
        TwoVar.mark_ins(self, mark)
        self.factor.mark = mark
        self.shift.mark = mark

    def refresh(self):
        src = self.inp()
        dst = self.out()
        dst.walk = self.strength if self.strength > src.walk else src.walk
        dst.constant = src.constant and self.factor.constant and self.shift.constant
        if dst.constant:
            self.execute()

    def execute(self):
        if self.way == FORWARD:
            self.b.value = self.a.value * self.factor.value + self.shift.value
        else:
            self.a.value = (self.b.value - self.shift.value) // self.factor.value


class Solver:
    def __init__(self):
        self.marks = 0

    def fresh_mark(self):
        self.marks += 1
        return self.marks

    def add(self, c):
        # Satisfy c, then re-satisfy whatever it displaced, and so on down the chain.
        mark = self.fresh_mark()
        displaced = c.enforce(mark, self)
        while displaced is not None:
            displaced = displaced.enforce(mark, self)

    def remove(self, c):
        # Drop c, then try the constraints that lost their way, strongest first.
        target = c.out()
        c.unsatisfy()
        c.detach()
        waiting = self.release_downstream(target)
        for strength in range(REQUIRED, WEAKEST):
            for u in waiting:
                if u.strength == strength:
                    self.add(u)

    def consumers(self, v, into):
        # The satisfied constraints that read v (all but the one that writes it).
        for c in v.users:
            if c is not v.source and c.satisfied():
                into.append(c)

    def propagate(self, c, mark):
        # Recompute walk strengths (and constant values) downstream of c; False on a cycle.
        todo = [c]
        while len(todo) > 0:
            d = todo.pop(0)
            if d.out().mark == mark:
                self.remove(c)
                return False
            d.refresh()
            self.consumers(d.out(), todo)
        return True

    def release_downstream(self, start):
        # start lost its writer: reset everything downstream and return the unsatisfied constraints met.
        start.source = None
        start.walk = WEAKEST
        start.constant = True
        waiting = []
        todo = [start]
        while len(todo) > 0:
            v = todo.pop(0)
            for c in v.users:
                if not c.satisfied():
                    waiting.append(c)
            for c in v.users:
                if c is not v.source and c.satisfied():
                    c.refresh()
                    todo.append(c.out())
        return waiting

    def plan_from(self, edits):
        # The constraints to run, in order, to carry the editable inputs' values downstream.
        mark = self.fresh_mark()
        plan = []
        todo = [c for c in edits if c.editable() and c.satisfied()]
        while len(todo) > 0:
            c = todo.pop(0)
            v = c.out()
            if v.mark != mark and c.ins_known(mark):
                plan.append(c)
                v.mark = mark
                self.consumers(v, todo)
        return plan


def run_plan(plan):
    for c in plan:
        c.execute()


def chain(n):
    # v0 = v1 = ... = vn, a stay on vn, an edit on v0: each edit must reach vn.
    solver = Solver()
    prev = None
    first = None
    last = None
    for i in range(n + 1):
        v = Var("v%d" % i, 0)
        if prev is not None:
            Equal(solver, prev, v, REQUIRED)
        if i == 0:
            first = v
        last = v
        prev = v
    Stay(solver, last, STRONG_DEFAULT)
    edit = Edit(solver, first, PREFERRED)
    plan = solver.plan_from([edit])
    total = 0
    for i in range(100):
        first.value = i
        run_plan(plan)
        if last.value != i:
            raise ValueError("chain test failed")
        total += last.value
    return total + len(plan)


def set_through_edit(solver, v, value):
    edit = Edit(solver, v, PREFERRED)
    plan = solver.plan_from([edit])
    for k in range(10):
        v.value = value
        run_plan(plan)
    edit.retract(solver)
    return len(plan)


def projection(n):
    # dst_i = src_i * scale + offset for n pairs; edit a source, a destination, the scale, the offset.
    solver = Solver()
    scale = Var("scale", 10)
    offset = Var("offset", 1000)
    src = None
    dst = None
    dests = []
    for i in range(n):
        src = Var("src%d" % i, i)
        dst = Var("dst%d" % i, i)
        dests.append(dst)
        Stay(solver, src, NORMAL)
        Scale(solver, src, scale, offset, dst, REQUIRED)
    steps = set_through_edit(solver, src, 17)
    if dst.value != 1170:
        raise ValueError("projection test 1 failed")
    steps += set_through_edit(solver, dst, 1050)
    if src.value != 5:
        raise ValueError("projection test 2 failed")
    steps += set_through_edit(solver, scale, 5)
    for i in range(n - 1):
        if dests[i].value != i * 5 + 1000:
            raise ValueError("projection test 3 failed")
    steps += set_through_edit(solver, offset, 2000)
    total = 0
    for i in range(n - 1):
        if dests[i].value != i * 5 + 2000:
            raise ValueError("projection test 4 failed")
        total += dests[i].value
    return total + steps


TEST_SIZE = 2  # the conformance test's size (conformance/programs.cmake sets SIZE = TEST_SIZE)
SIZE = 300     # rounds of both tests on 100 variables

checksum = 0
for k in range(SIZE):
    checksum += chain(100) + projection(100)
print("deltablue %d rounds: checksum %d" % (SIZE, checksum))
