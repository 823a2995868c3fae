"""Bounds on what reading untrusted input may allocate, and the boundary of every reader.

A file or document declares sizes before the bytes that fill them: array shapes in a
pickle, a packed list's count in a document, the length of a compressed stream, values
shared by reference that a tree would copy. Each declaration is charged to the budget
of the read in progress *before* anything is allocated; the budget is
``max(256 MiB, 64 x the input's size)`` bytes, or ``max_bytes`` where the caller passes
it (the CLI's ``--max-bytes``). What the input merely holds (arrays whose bytes are in
the text or the file) is bounded by its size and not charged.

Every public reader runs inside :func:`reading`, which sets the budget and turns any
exception that is not already typed (``MemoryError``, ``RecursionError``, an error of
numpy or of scikit-learn's ``__setstate__`` on odd state) into a :class:`DocumentError`
subclass, the original chained.
"""
from __future__ import annotations

import contextlib
import contextvars
import sys

from .errors import DocumentError, MigratorError

FLOOR = 256 << 20
RATIO = 64
#: Containers nested deeper than this in a pickle or document are refused (real models
#: nest a few dozen levels: a pipeline in a grid search in a stacking ensemble).
MAX_DEPTH = 400
#: Bytes charged per value that shared references would copy (a small Python object).
VALUE_BYTES = 64

_HINT = "If the input is trusted and really that large, pass max_bytes=%d or more (CLI: --max-bytes)"


class ResourceLimitError(DocumentError):
    """The input declares more than a reader may allocate, or nests deeper than it may go."""

    default_hint = "The input is corrupt or crafted; a real model stays well inside the limits"


class UnexpectedReadError(DocumentError):
    """The input made a reader fail in a way no check foresaw (the cause is chained): still
    refused, never a crash, but worth reporting."""

    default_hint = ("The input is corrupt or crafted; if it is a real model, report it as an issue with the "
                    "error's cause")


class Budget:
    """The bytes a read may still allocate for what its input declares."""

    def __init__(self, input_size, max_bytes=None):
        self.explicit = max_bytes is not None
        self.limit = max_bytes if self.explicit else max(FLOOR, RATIO * int(input_size))
        self.used = 0

    def add_input(self, size):
        """Another file belongs to the input (joblib < 0.10's array files): it may declare as much."""
        if not self.explicit:
            self.limit += RATIO * int(size)

    def check(self, nbytes, what, path=None):
        """Refuse ``what`` unless ``nbytes`` more fit in the budget (nothing is charged)."""
        if self.used + nbytes > self.limit:
            raise ResourceLimitError(
                "%s declares %d bytes, more than the %d this read may allocate%s"
                % (what, nbytes, self.limit - self.used, "" if self.explicit else
                   " (max(%d MiB, %d x the input's size))" % (FLOOR >> 20, RATIO)),
                path=path or None, hint=_HINT % (self.used + nbytes))

    def charge(self, nbytes, what, path=None):
        self.check(nbytes, what, path)
        self.used += nbytes


_BUDGET = contextvars.ContextVar("sklearn_migrator_budget", default=None)


def budget():
    """The budget of the read in progress (an unlimited one outside :func:`reading`: the
    library's own internal decoding of trees it made)."""
    current = _BUDGET.get()
    return current if current is not None else Budget(0, max_bytes=float("inf"))


@contextlib.contextmanager
def reading(input_size, max_bytes=None, **located):
    """Run a reader of an input of ``input_size`` bytes under a budget (an enclosing read's
    budget is kept), every untyped exception becoming a typed one located with ``located``
    (``path=``, ``estimator=``...)."""
    if max_bytes is not None and (isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 0):
        raise ValueError("max_bytes must be a non-negative integer, got %r" % (max_bytes,))
    token = _BUDGET.set(Budget(input_size, max_bytes)) if _BUDGET.get() is None else None
    try:
        yield
    except (MigratorError, OSError):  # (a file that cannot be opened is the caller's to handle)
        raise
    except MemoryError as exc:
        raise ResourceLimitError("reading ran out of memory", hint=_HINT % budget().limit, **located) from exc
    except RecursionError as exc:
        raise ResourceLimitError(
            "the input nests values deeper than Python's recursion limit (%d) lets it be read"
            % sys.getrecursionlimit(), hint="If the input is trusted, raise the limit with sys.setrecursionlimit",
            **located) from exc
    except Exception as exc:
        raise UnexpectedReadError("reading failed: %s: %s" % (type(exc).__name__, exc), **located) from exc
    finally:
        if token is not None:
            _BUDGET.reset(token)
