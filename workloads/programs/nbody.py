# nbody: refheap's own implementation of the classic n-body benchmark (the Computer Language Benchmarks
# Game's workload, also run by pyperformance): the Sun and the four gas giants, integrated with a fixed
# time step by a symplectic Euler scheme; the program prints the system's total energy before and after.
# Written for refheap from the well-known description of the workload, not from any existing program, so
# its timings are comparable in shape, not identical in work, to pyperformance's bm_nbody.
# The planets' initial positions (AU), velocities (AU/day) and masses (solar masses) are the published
# astronomical values the benchmark is defined by.
# Prints a deterministic checksum: the energy before and after SIZE steps, to 9 decimals.

PI = 3.141592653589793
SOLAR_MASS = 4 * PI * PI
DAYS_PER_YEAR = 365.24


class Body:
    def __init__(self, name, pos, vel, mass):
        self.name = name
        self.x = pos[0]
        self.y = pos[1]
        self.z = pos[2]
        self.vx = vel[0] * DAYS_PER_YEAR
        self.vy = vel[1] * DAYS_PER_YEAR
        self.vz = vel[2] * DAYS_PER_YEAR
        self.mass = mass * SOLAR_MASS


def solar_system():
    return [
        Body("sun", [0.0, 0.0, 0.0], [0.0, 0.0, 0.0], 1.0),
        Body("jupiter",
             [4.84143144246472090e+00, -1.16032004402742839e+00, -1.03622044471123109e-01],
             [1.66007664274403694e-03, 7.69901118419740425e-03, -6.90460016972063023e-05],
             9.54791938424326609e-04),
        Body("saturn",
             [8.34336671824457987e+00, 4.12479856412430479e+00, -4.03523417114321381e-01],
             [-2.76742510726862411e-03, 4.99852801234917238e-03, 2.30417297573763929e-05],
             2.85885980666130812e-04),
        Body("uranus",
             [1.28943695621391310e+01, -1.51111514016986312e+01, -2.23307578892655734e-01],
             [2.96460137564761618e-03, 2.37847173959480950e-03, -2.96589568540237556e-05],
             4.36624404335156298e-05),
        Body("neptune",
             [1.53796971148509165e+01, -2.59193146099879641e+01, 1.79258772950371181e-01],
             [2.68067772490389322e-03, 1.62824170038242295e-03, -9.51592254519715870e-05],
             5.15138902046611451e-05),
    ]


def all_pairs(bodies):
    # Every unordered pair once, built a single time so the step loop only walks a list.
    pairs = []
    for i in range(len(bodies)):
        for j in range(i + 1, len(bodies)):
            pairs.append((bodies[i], bodies[j]))
    return pairs


def zero_momentum(bodies):
    # Give the Sun the velocity that makes the system's total momentum zero.
    px = 0.0
    py = 0.0
    pz = 0.0
    for b in bodies:
        px += b.vx * b.mass
        py += b.vy * b.mass
        pz += b.vz * b.mass
    sun = bodies[0]
    sun.vx = -px / sun.mass
    sun.vy = -py / sun.mass
    sun.vz = -pz / sun.mass


def energy(bodies, pairs):
    total = 0.0
    for b in bodies:
        total += 0.5 * b.mass * (b.vx * b.vx + b.vy * b.vy + b.vz * b.vz)
    for a, b in pairs:
        dx = a.x - b.x
        dy = a.y - b.y
        dz = a.z - b.z
        total -= a.mass * b.mass / (dx * dx + dy * dy + dz * dz) ** 0.5
    return total


def advance(bodies, pairs, dt, steps):
    for step in range(steps):
        # Velocities first, from the gravitational pull of each pair ...
        for a, b in pairs:
            dx = a.x - b.x
            dy = a.y - b.y
            dz = a.z - b.z
            d2 = dx * dx + dy * dy + dz * dz
            scale = dt / (d2 * d2 ** 0.5)
            ma = a.mass * scale
            mb = b.mass * scale
            a.vx -= dx * mb
            a.vy -= dy * mb
            a.vz -= dz * mb
            b.vx += dx * ma
            b.vy += dy * ma
            b.vz += dz * ma
        # ... then positions from the new velocities.
        for b in bodies:
            b.x += dt * b.vx
            b.y += dt * b.vy
            b.z += dt * b.vz


TEST_SIZE = 200  # the conformance test's size (conformance/programs.cmake sets SIZE = TEST_SIZE)
SIZE = 100000    # time steps for the bench

system = solar_system()
pairs = all_pairs(system)
zero_momentum(system)
print("%.9f" % energy(system, pairs))
advance(system, pairs, 0.01, SIZE)
print("%.9f" % energy(system, pairs))
