"""The compiled-boundary fuzzer (fuzz/compiled_boundary.py) on a modest budget: mutated documents
and pickles of every codec family, loaded and used in worker processes; no signal, no untyped
exception.
The run at length (20,000 states per family) is reported in the issue that asked for it;
SKLEARN_MIGRATOR_BOUNDARY_STATES sets the budget here."""
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
STATES = int(os.environ.get("SKLEARN_MIGRATOR_BOUNDARY_STATES", "40"))


def test_the_compiled_boundary_fuzzer_finds_no_signal_and_no_untyped_error():
    run = subprocess.run([sys.executable, os.path.join(ROOT, "fuzz", "compiled_boundary.py"), "--per-family",
                          str(STATES), "--seed", "1"], capture_output=True, text=True, timeout=1800)
    assert run.returncode == 0, run.stdout + run.stderr
    lines = run.stdout.splitlines()
    assert lines[-1] == "0 failures"
    # every family ran its states in both inputs, and mutations were both refused and let through
    families = [line for line in lines[1:-1] if not line.startswith("  ")]
    assert sorted(line.split()[0].split("/")[1] for line in families) == ["documents"] * 10 + ["pickles"] * 10
    for line in families:
        counts = dict(part.rsplit(" ", 1) for part in line.split("(")[0].split(None, 1)[1].strip().split(", "))
        assert sum(int(value) for value in counts.values()) == STATES, line
        assert int(counts["refused"]) > 0 and int(counts["loaded"]) > 0, line
