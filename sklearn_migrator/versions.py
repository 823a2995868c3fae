"""Release versions, parsed and ordered as PEP 440 orders them.

scikit-learn publishes pre-, post- and dev releases (``1.4.0rc1``,
``0.22.2.post1``, ``1.6.dev0``), so versions are compared through a parser,
never as strings. The core may depend only on numpy and scikit-learn, so this
is a small self-contained parser for the public version scheme.
"""
from __future__ import annotations

import re

from .errors import VersionError

_PATTERN = re.compile(
    r"""^\s*v?
    (?P<release>\d+(?:\.\d+)*)
    (?:[-_.]?(?P<pre_tag>a|alpha|b|beta|rc|c|pre|preview)[-_.]?(?P<pre_n>\d*))?
    (?P<post>[-_.]?(?:post|rev|r)[-_.]?(?P<post_n>\d*)|-(?P<post_implicit>\d+))?
    (?P<dev>[-_.]?dev[-_.]?(?P<dev_n>\d*))?
    (?:\+(?P<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?
    \s*$""",
    re.VERBOSE | re.IGNORECASE,
)
_PRE_ORDER = {"a": 0, "alpha": 0, "b": 1, "beta": 1, "rc": 2, "c": 2, "pre": 2, "preview": 2}


class Version:
    """A parsed release version with PEP 440 ordering.

    >>> Version("0.22.2.post1") > Version("0.22.2") > Version("0.22.2rc1")
    True
    """

    __slots__ = ("text", "release", "_key")

    def __init__(self, text: str):
        match = _PATTERN.match(str(text))
        if match is None:
            raise VersionError("%r is not a valid release version (expected e.g. '1.4.2' or '0.22.2.post1')" % (text,))
        self.text = str(text).strip()
        release = tuple(int(part) for part in match.group("release").split("."))
        self.release = release
        while len(release) > 1 and release[-1] == 0:
            release = release[:-1]
        pre_tag = match.group("pre_tag")
        pre = (_PRE_ORDER[pre_tag.lower()], int(match.group("pre_n") or 0)) if pre_tag else None
        post = None
        if match.group("post") is not None:
            post = int(match.group("post_n") or match.group("post_implicit") or 0)
        dev = int(match.group("dev_n") or 0) if match.group("dev") is not None else None
        # Sort keys follow PEP 440: a dev release sorts before its pre-releases,
        # which sort before the final release, which sorts before post releases.
        if pre is None and post is None and dev is not None:
            pre_key = (-1, 0)
        elif pre is None:
            pre_key = (3, 0)
        else:
            pre_key = pre
        post_key = (-1,) if post is None else (post,)
        dev_key = (float("inf"),) if dev is None else (dev,)
        self._key = (release, pre_key, post_key, dev_key)

    @property
    def minor(self) -> tuple:
        """``(major, minor)``: the release line this version belongs to."""
        return (self.release + (0, 0))[:2]

    def __repr__(self) -> str:
        return "Version(%r)" % self.text

    def __str__(self) -> str:
        return self.text

    def __hash__(self) -> int:
        return hash(self._key)

    def __eq__(self, other) -> bool:
        return isinstance(other, Version) and self._key == other._key

    def __lt__(self, other: "Version") -> bool:
        return self._key < other._key

    def __le__(self, other: "Version") -> bool:
        return self._key <= other._key

    def __gt__(self, other: "Version") -> bool:
        return self._key > other._key

    def __ge__(self, other: "Version") -> bool:
        return self._key >= other._key


def parse(text) -> Version:
    """Return ``text`` as a :class:`Version` (a Version is returned as is)."""
    return text if isinstance(text, Version) else Version(text)


def has_release(version, release) -> bool:
    """True when state written by ``version`` already carries a change made in ``release``.

    Only the release numbers count: a pre-release or dev build of ``1.4.0``
    already has the changes that ``1.4.0`` ships, and ``0.22.2.post1`` has
    those of ``0.22.2``.
    """
    return _padded(parse(version).release) >= _padded(parse(release).release)


def _padded(release: tuple) -> tuple:
    return tuple(release) + (0,) * (4 - len(release))
