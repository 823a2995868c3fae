import pytest

from sklearn_migrator import zoo


@pytest.fixture(scope="session")
def data():
    return zoo.make_data()


def fast_or_standard(request, monkeypatch, owner, name):
    """Body of a fixture parametrized over ``[name, "standard library"]``: the optional
    module ``owner.<name>`` as installed, or ``None`` in its place (the fallback path)."""
    if request.param != name:
        monkeypatch.setattr(owner, name, None)
    elif getattr(owner, name) is None:
        pytest.skip("%s is not installed here (the CI environments install it)" % name)
    return request.param
