"""How far a process's resident memory rises during a piece of work (Linux).

``start()`` resets the kernel's peak-RSS mark (``/proc/self/clear_refs``) and
returns the current resident size; ``rise(baseline)`` is the peak since then
minus that size. Resetting matters: the lifetime peak (``ru_maxrss``) would
also count what imports allocated and freed before the measurement.
"""


def _status(key):
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith(key + ":"):
                return int(line.split()[1]) * 1024
    raise RuntimeError("no %s in /proc/self/status" % key)


def start():
    with open("/proc/self/clear_refs", "w") as handle:
        handle.write("5")
    return _status("VmRSS")


def rise(baseline):
    return _status("VmHWM") - baseline
