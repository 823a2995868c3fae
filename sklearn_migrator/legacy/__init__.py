"""Front end 2: legacy pickle and joblib files, read without running code from them.

The restricted unpickler (:mod:`.unpickler`) resolves globals only from a small
allowlist of numpy reconstructors and builtins; every scikit-learn class the
file names becomes an inert :class:`.unpickler.Stub` that records the module,
name, constructor arguments and state, and is never imported. Any other global
is refused with :class:`~sklearn_migrator.errors.UnsafeContentError`.
"""

from .files import load_legacy, read_legacy

__all__ = ["load_legacy", "read_legacy"]
