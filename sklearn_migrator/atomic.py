"""Writing files atomically: a reader sees the old file or the complete new one, never a part."""
from __future__ import annotations

import os
import tempfile


def write_atomically(path: str, write) -> None:
    """Call ``write(temporary path)`` in the target's directory, then rename the
    result over ``path``: readers see the old file or the complete new one."""
    directory = os.path.dirname(os.path.abspath(path))
    handle, temporary = tempfile.mkstemp(prefix=".%s." % os.path.basename(path), suffix=".tmp", dir=directory)
    os.close(handle)
    try:
        write(temporary)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise

