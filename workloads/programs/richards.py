# richards: refheap's own implementation of the classic Richards benchmark (Martin Richards' simulation of
# an operating system's task scheduler, run by pyperformance as bm_richards): an idle task, a worker, two
# packet handlers and two devices pass work and device packets to each other through a priority scheduler,
# which holds, releases and wakes them. Written for refheap from the well-known description of the
# benchmark, not from any existing program, so its timings are comparable in shape, not identical in work,
# to pyperformance's.
# Prints a deterministic checksum: per run, the number of packets queued and of tasks held.

# Task identities, also their index in the scheduler's table.
IDLER = 0
WORKER = 1
HANDLER_A = 2
HANDLER_B = 3
DEVICE_A = 4
DEVICE_B = 5

# Packet kinds.
DEVICE_PACKET = 0
WORK_PACKET = 1

PAYLOAD = 4  # slots in a work packet's payload


class Packet:
    def __init__(self, after, owner, kind):
        self.after = after     # next packet in a queue, or None
        self.owner = owner     # the task it is sent to; on arrival, the task that sent it
        self.kind = kind
        self.index = 0         # how far a handler has read the payload; a device packet's datum
        self.payload = [0] * PAYLOAD


def append_packet(head, pkt):
    # Put pkt at the end of the queue starting at head; return the new head.
    pkt.after = None
    if head is None:
        return pkt
    last = head
    while last.after is not None:
        last = last.after
    last.after = pkt
    return head


class Task:
    # A task is runnable unless it is held, or suspended waiting with nothing in its inbox.
    def __init__(self, system, ident, priority, inbox, suspended):
        self.system = system
        self.ident = ident
        self.priority = priority
        self.inbox = inbox
        self.suspended = suspended
        self.held = False
        self.next_task = None   # the scheduler walks tasks in falling priority along this link

    def runnable(self):
        if self.held:
            return False
        return self.inbox is not None or not self.suspended

    def take_packet(self):
        # The packet a waiting task resumes with (None when it runs without one).
        if not self.suspended:
            return None
        pkt = self.inbox
        if pkt is None:
            return None
        self.inbox = pkt.after
        self.suspended = False
        return pkt


class IdleTask(Task):
    # Wakes one device or the other from a pseudo-random bit stream, a fixed number of times.
    def step(self, pkt):
        self.rounds -= 1
        if self.rounds == 0:
            return self.system.hold_current()
        if self.seed & 1 == 0:
            self.seed = self.seed >> 1
            return self.system.release(DEVICE_A)
        self.seed = (self.seed >> 1) ^ 0xD008
        return self.system.release(DEVICE_B)


class WorkerTask(Task):
    # Fills each work packet with letters and sends it to the two handlers in turn.
    def step(self, pkt):
        if pkt is None:
            return self.system.wait_current()
        if self.target == HANDLER_A:
            self.target = HANDLER_B
        else:
            self.target = HANDLER_A
        pkt.owner = self.target
        pkt.index = 0
        for k in range(PAYLOAD):
            self.letter += 1
            if self.letter > 26:
                self.letter = 1
            pkt.payload[k] = self.letter
        return self.system.send(pkt)


class HandlerTask(Task):
    # Copies its current work packet's payload, one datum per device packet, to its device.
    def step(self, pkt):
        if pkt is not None:
            if pkt.kind == WORK_PACKET:
                self.jobs = append_packet(self.jobs, pkt)
            else:
                self.carriers = append_packet(self.carriers, pkt)
        job = self.jobs
        if job is None:
            return self.system.wait_current()
        if job.index >= PAYLOAD:
            # Done with this job: hand the packet back to the worker.
            self.jobs = job.after
            return self.system.send(job)
        carrier = self.carriers
        if carrier is None:
            return self.system.wait_current()
        self.carriers = carrier.after
        carrier.index = job.payload[job.index]
        job.index += 1
        return self.system.send(carrier)


class DeviceTask(Task):
    # Holds on to one packet until it is released again, then returns it to its sender.
    def step(self, pkt):
        if pkt is None:
            pending = self.pending
            if pending is None:
                return self.system.wait_current()
            self.pending = None
            return self.system.send(pending)
        self.pending = pkt
        return self.system.hold_current()


class System:
    def __init__(self):
        self.table = [None] * 6
        self.first = None
        self.current = None
        self.sent = 0
        self.holds = 0

    def add(self, task):
        # Tasks are added in rising priority, so pushing on the front keeps the list sorted downwards.
        self.table[task.ident] = task
        task.next_task = self.first
        self.first = task
        return task

    def wait_current(self):
        self.current.suspended = True
        return self.current

    def hold_current(self):
        self.holds += 1
        self.current.held = True
        return self.current.next_task

    def release(self, ident):
        task = self.table[ident]
        task.held = False
        if task.priority > self.current.priority:
            return task
        return self.current

    def send(self, pkt):
        # Deliver pkt to its owner, record the sender in it, and say who runs next.
        dest = self.table[pkt.owner]
        self.sent += 1
        pkt.owner = self.current.ident
        was_empty = dest.inbox is None
        dest.inbox = append_packet(dest.inbox, pkt)
        if was_empty and dest.priority > self.current.priority:
            return dest
        return self.current

    def schedule(self):
        task = self.first
        while task is not None:
            if task.runnable():
                self.current = task
                task = task.step(task.take_packet())
            else:
                task = task.next_task


def run_once(rounds):
    system = System()
    idler = system.add(IdleTask(system, IDLER, 0, None, False))
    idler.rounds = rounds
    idler.seed = 1

    jobs = None
    for k in range(2):
        jobs = append_packet(jobs, Packet(None, WORKER, WORK_PACKET))
    worker = system.add(WorkerTask(system, WORKER, 1000, jobs, True))
    worker.target = HANDLER_B
    worker.letter = 0

    for ident in [HANDLER_A, HANDLER_B]:
        device = DEVICE_A if ident == HANDLER_A else DEVICE_B
        carriers = None
        for k in range(3):
            carriers = append_packet(carriers, Packet(None, device, DEVICE_PACKET))
        handler = system.add(HandlerTask(system, ident, 2000 + ident, carriers, True))
        handler.jobs = None
        handler.carriers = None

    for ident in [DEVICE_A, DEVICE_B]:
        device = system.add(DeviceTask(system, ident, 4000 + ident, None, True))
        device.pending = None

    system.schedule()
    return system


TEST_SIZE = 1  # the conformance test's size (conformance/programs.cmake sets SIZE = TEST_SIZE)
SIZE = 20      # runs of the simulation (each with the idle task's 10000 rounds)

total_sent = 0
total_holds = 0
for run in range(SIZE):
    done = run_once(10000)
    total_sent += done.sent
    total_holds += done.holds
print("runs %d: packets sent %d, tasks held %d" % (SIZE, total_sent, total_holds))
print("per run: %d sent, %d held" % (done.sent, done.holds))
