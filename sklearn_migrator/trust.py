"""Functions the user names as trusted, for one export or one read.

Nothing outside the allowlist is ever imported or called on a file's say-so.
A function of the user's own (a vectorizer's ``tokenizer``, defined in their
package or in the training script) is carried only when the caller names it:
``dump(model, path, trusted=["mypkg.text.tokenize"])`` writes it as a
reference by that import path, and ``load(path, trusted=[...])`` (or
``load_legacy``) resolves the reference by importing that path. Where the
file names an object that cannot be imported by its path (``__main__.tokenize``,
defined in a script), ``trusted`` maps the name to the object to use:
``trusted={"__main__.tokenize": tokenize}``. A function is never migrated:
its code is the user's.
"""
from __future__ import annotations

import contextlib
import contextvars
import importlib
import re
import types

from .errors import UnavailableError

_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)+$")
_FUNCTIONS = (types.FunctionType, types.BuiltinFunctionType)
_TRUSTED = contextvars.ContextVar("sklearn_migrator_trusted", default=None)
#: What a hint says about naming a function as trusted.
HINT = ("if you trust it, name it: dump(..., trusted=['module.function']) and load(..., trusted=[...]) "
        "(or trusted={'module.function': function} for one defined in a script)")


class _Trusted(dict):
    """``{name: object or None}`` of the functions named as trusted, and ``used``: those an
    export or a read met."""

    def __init__(self, table):
        super().__init__(table)
        self.used = set()


def _checked(trusted) -> dict:
    """``{name: object or None}`` of a ``trusted`` argument: names, or a mapping of names to
    the functions to use."""
    if isinstance(trusted, str) or not isinstance(trusted, (list, tuple, set, frozenset, dict)):
        raise TypeError("trusted must be a list of qualified names or a dict of names to functions, got %s"
                        % type(trusted).__name__)
    table = dict(trusted) if isinstance(trusted, dict) else dict.fromkeys(trusted)
    for name, function in table.items():
        if not isinstance(name, str) or not _NAME.match(name):
            raise ValueError("trusted names must be qualified names such as 'mypkg.module.function', got %r"
                             % (name,))
        if function is not None and not isinstance(function, _FUNCTIONS):
            raise ValueError("trusted[%r] must be a function, got %s" % (name, type(function).__name__))
    return _Trusted(table)


@contextlib.contextmanager
def trusting(trusted):
    """Trust the functions ``trusted`` names (None: none) while the block runs; yields the
    names the block met (a set, filled as it runs)."""
    table = _checked(trusted) if trusted is not None else _Trusted({})
    token = _TRUSTED.set(table)
    try:
        yield table.used
    finally:
        _TRUSTED.reset(token)


def name_of(function):
    """The trusted name of a live function found in an estimator (None if the caller named none):
    the object a trusted mapping gives for a name, or a function whose import path is named."""
    table = _TRUSTED.get()
    if not table or not isinstance(function, _FUNCTIONS):
        return None
    found = next((name for name, given in table.items() if given is function), None)
    if found is None:
        name = "%s.%s" % (getattr(function, "__module__", None), getattr(function, "__qualname__", ""))
        found = name if name in table and table[name] is None else None
    if found is not None:
        table.used.add(found)
    return found


def is_trusted(name) -> bool:
    """Whether the caller named ``name`` as trusted (which counts as meeting it)."""
    table = _TRUSTED.get()
    if not table or name not in table:
        return False
    table.used.add(name)
    return True


def resolve(name, path=None):
    """The function a trusted ``name`` stands for: the one the caller gave, or the one its
    import path names (imported now: the caller named it)."""
    table = _TRUSTED.get()
    table.used.add(name)
    given = table[name]
    if given is not None:
        return given
    parts = name.split(".")
    for split in range(len(parts) - 1, 0, -1):
        try:
            found = importlib.import_module(".".join(parts[:split]))
        except ImportError:
            continue
        for part in parts[split:]:
            found = getattr(found, part, None)
        if isinstance(found, _FUNCTIONS):
            return found
        break
    raise UnavailableError("trusted function %s cannot be imported here" % name, path=path,
                           hint="Install the package that defines it, or pass trusted={%r: function}" % name)
