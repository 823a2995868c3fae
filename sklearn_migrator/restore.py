"""The last two steps of every read: migrate a state tree to the installed release, then build it."""
from __future__ import annotations

import warnings

import sklearn

from .build import build
from .errors import MigrationWarning, MigratorError, VersionMismatchError
from .migrations import migrate
from .versions import parse


def installed_version() -> str:
    """The scikit-learn release installed in this environment."""
    return sklearn.__version__


def check_installed(version, role: str) -> None:
    """Refuse a caller-declared version that is not the installed one."""
    if version is not None and parse(version) != parse(installed_version()):
        raise VersionMismatchError("%s=%r but scikit-learn %s is installed" % (role, version, installed_version()),
                                   target_version=installed_version())


def rebuild(tree, source: str, *, allow_unverified: bool = False, stacklevel: int = 2):
    """Migrate a state tree from release ``source`` to the installed one (reporting
    what changed as :class:`~sklearn_migrator.errors.MigrationWarning`) and build it."""
    target = installed_version()
    try:
        migration = migrate(tree, source, target, allow_unverified=allow_unverified)
        for note in migration.notes:
            warnings.warn(note, MigrationWarning, stacklevel=stacklevel)
        return build(tree, consume=True)
    except MigratorError as error:
        raise error.located(estimator=tree.name, source_version=source, target_version=target)
