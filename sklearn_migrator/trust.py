"""Classes and functions the user names as trusted, for one export or one read.

Nothing outside the allowlist is ever imported or called on a file's say-so.
A function of the user's own (a vectorizer's ``tokenizer``, defined in their
package or in the training script) or a class of theirs (a custom transformer
in a pipeline) is carried only when the caller names it:
``dump(model, path, trusted=["mypkg.text.tokenize", "mypkg.MyTransformer"])``
writes a function as a reference by that import path and an object of the class
as its class's path with its state, and ``load(path, trusted=[...])`` (or
``load_legacy``) resolves the references by importing those paths. Where the
file names an object that cannot be imported by its path (``__main__.tokenize``,
defined in a script), ``trusted`` maps the name to the object to use:
``trusted={"__main__.tokenize": tokenize}``. Neither is ever migrated: its
code is the user's. The state of a trusted class's objects is captured as any
estimator's is: values the format carries, and estimators or objects on the
allowlist; anything else in it (compiled state, a callable not named) is refused.
:func:`~sklearn_migrator.get_untrusted_types` lists what a file would need.
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
_TRUSTABLE = _FUNCTIONS + (type,)
_TRUSTED = contextvars.ContextVar("sklearn_migrator_trusted", default=None)
#: What a hint says about naming a function as trusted.
HINT = ("if you trust it, name it: dump(..., trusted=['module.function']) and load(..., trusted=[...]) "
        "(or trusted={'module.function': function} for one defined in a script)")
#: The same for a class.
CLASS_HINT = ("if it is a class of your own that you trust, name it: dump(..., trusted=['module.Class']) and "
              "load(..., trusted=[...]) (or trusted={'__main__.Class': Class} for one defined in a script)")


class _Trusted(dict):
    """``{name: object or None}`` of the classes and functions named as trusted, and ``used``:
    those an export or a read met."""

    def __init__(self, table):
        super().__init__(table)
        self.used = set()


def _checked(trusted) -> dict:
    """``{name: object or None}`` of a ``trusted`` argument: names, or a mapping of names to
    the classes and functions to use."""
    if isinstance(trusted, str) or not isinstance(trusted, (list, tuple, set, frozenset, dict)):
        raise TypeError("trusted must be a list of qualified names or a dict of names to classes or functions, "
                        "got %s" % type(trusted).__name__)
    table = dict(trusted) if isinstance(trusted, dict) else dict.fromkeys(trusted)
    for name, function in table.items():
        if not isinstance(name, str) or not _NAME.match(name):
            raise ValueError("trusted names must be qualified names such as 'mypkg.module.function', got %r"
                             % (name,))
        if function is not None and not isinstance(function, _TRUSTABLE):
            raise ValueError("trusted[%r] must be a class or a function, got %s" % (name, type(function).__name__))
    return _Trusted(table)


@contextlib.contextmanager
def trusting(trusted):
    """Trust the classes and functions ``trusted`` names (None: none) while the block runs; yields the
    names the block met (a set, filled as it runs)."""
    table = _checked(trusted) if trusted is not None else _Trusted({})
    token = _TRUSTED.set(table)
    try:
        yield table.used
    finally:
        _TRUSTED.reset(token)


def name_of(function):
    """The trusted name of a live class or function found in an estimator (None if the caller
    named none): the object a trusted mapping gives for a name, or one whose import path is named."""
    table = _TRUSTED.get()
    if not table or not isinstance(function, _TRUSTABLE):
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


def lookup(name, path=None):
    """The object a trusted ``name`` stands for: the one the caller gave, or the one its import
    path names (imported now: the caller named it)."""
    table = _TRUSTED.get()
    table.used.add(name)
    found = table[name]
    if found is not None:
        return found
    parts = name.split(".")
    for split in range(len(parts) - 1, 0, -1):
        try:
            found = importlib.import_module(".".join(parts[:split]))
        except ImportError:
            continue
        for part in parts[split:]:
            found = getattr(found, part, None)
        break
    if found is None:
        raise UnavailableError("trusted %s cannot be imported here" % name, path=path,
                               hint="Install the package that defines it, or pass trusted={%r: the object}" % name)
    return found


def resolve(name, path=None, kind="function"):
    """The function (``kind="function"``) or class (``"class"``) a trusted ``name`` stands for
    (see :func:`lookup`)."""
    found = lookup(name, path)
    if not isinstance(found, _FUNCTIONS if kind == "function" else type):
        raise UnavailableError("trusted %s is used as a %s here, but it is a %s" % (name, kind, type(found).__name__),
                               path=path)
    return found
