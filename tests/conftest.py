import pytest

from sklearn_migrator import zoo


@pytest.fixture(scope="session")
def data():
    return zoo.make_data()
