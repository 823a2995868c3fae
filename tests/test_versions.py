import pytest

from sklearn_migrator.errors import VersionError
from sklearn_migrator.versions import Version, has_release


def test_pep440_ordering():
    ordered = ["0.20.4", "0.21.3", "0.22", "0.22.1", "0.22.2.post1", "0.23.0rc1", "0.23.0", "1.0.dev0", "1.0a1",
               "1.0b2", "1.0rc1", "1.0", "1.0.post1", "1.4.1.post1", "1.10.0"]
    parsed = [Version(v) for v in ordered]
    assert parsed == sorted(parsed)
    assert Version("1.0") == Version("1.0.0") and Version("0.22.2.post1") > Version("0.22.2")


@pytest.mark.parametrize("bad", ["", "latest", "1.x", "1..2"])
def test_bad_versions_raise(bad):
    with pytest.raises(VersionError):
        Version(bad)


def test_has_release_counts_release_numbers_only():
    assert has_release("1.4.0rc1", "1.4") and has_release("0.22.2.post1", "0.22.2")
    assert not has_release("1.3.2", "1.4") and has_release("1.4.1.post1", "1.4.1")
