"""The typed exceptions of sklearn-migrator.

Every error carries what a user needs to act on it: the estimator involved,
the path of the offending field inside the state tree (``estimators_[3].tree_``),
the scikit-learn versions on both sides, and a hint saying what to do. The
message is assembled from those parts so it always reads the same way.
"""
from __future__ import annotations


class MigratorError(Exception):
    """Base class of every error raised by sklearn-migrator."""

    default_hint = ""

    def __init__(self, message, *, estimator=None, path=None, source_version=None,
                 target_version=None, hint=None):
        self.reason = message
        self.estimator = estimator
        self.path = path
        self.source_version = source_version
        self.target_version = target_version
        self.hint = hint if hint is not None else self.default_hint
        super().__init__(self._render())

    def _render(self) -> str:
        parts = []
        if self.estimator:
            parts.append(str(self.estimator))
        if self.path:
            parts.append("at %s" % self.path)
        where = " ".join(parts)
        text = "%s: %s" % (where, self.reason) if where else str(self.reason)
        versions = []
        if self.source_version:
            versions.append("document from scikit-learn %s" % self.source_version)
        if self.target_version:
            versions.append("running scikit-learn %s" % self.target_version)
        if versions:
            text += " (%s)" % ", ".join(versions)
        if self.hint:
            text += ". " + self.hint.rstrip(".") + "."
        return text

    def located(self, *, estimator=None, path=None, source_version=None, target_version=None):
        """Fill in context that the raising site did not know; return self."""
        self.estimator = self.estimator or estimator
        self.path = self.path or path
        self.source_version = self.source_version or source_version
        self.target_version = self.target_version or target_version
        self.args = (self._render(),)
        return self

    def __str__(self) -> str:
        return self._render()


class VersionError(MigratorError, ValueError):
    """A version string that cannot be parsed."""

    default_hint = "Pass a release version such as '1.4.2' or '0.22.2.post1'"


class UnsupportedEstimatorError(MigratorError, TypeError):
    """A class that is not on the allowlist, met while capturing or in a document."""

    default_hint = ("sklearn_migrator.supported_models() lists the supported estimators; "
                    "open an issue to ask for this one")


class UnavailableError(UnsupportedEstimatorError):
    """A class or function the document names does not exist in the installed release
    (it was added later, or removed): the document cannot be rebuilt here."""

    default_hint = "Migrate the document to a release that has it"


class DocumentError(MigratorError, ValueError):
    """A document (or a field inside it) that is malformed, truncated or mistyped."""

    default_hint = ("The document is not one written by sklearn-migrator, or it was modified; "
                    "re-export the estimator from its source environment")


class StateValidationError(DocumentError):
    """Fitted state that would be unsafe to hand to compiled code (indices out of range,
    inconsistent shapes or dtypes)."""


class VersionMismatchError(MigratorError, ValueError):
    """The caller asked for a scikit-learn version other than the installed one."""

    default_hint = ("Run this in an environment with that scikit-learn version installed, "
                    "or pass the installed version (sklearn.__version__)")


class MigrationError(MigratorError):
    """The state tree cannot be carried from the source release to the target release."""

    default_hint = "Rebuild the estimator in a scikit-learn release that supports it, or report it as an issue"


class CaptureError(MigratorError, TypeError):
    """A live estimator holds a value that cannot be captured faithfully."""

    default_hint = "Remove the value from the estimator or report the case as an issue"


class MigrationWarning(UserWarning):
    """A migration changed how an estimator is represented (e.g. a parameter the target lacks)."""


class UnsafeContentError(MigratorError, ValueError):
    """A pickle that references something sklearn-migrator never loads (a global
    outside the allowlist); nothing from it was executed."""

    default_hint = ("The file is not a plain scikit-learn model, or it was tampered with; "
                    "do not load it with pickle either")
