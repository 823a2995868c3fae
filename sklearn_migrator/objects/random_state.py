"""numpy's legacy ``RandomState`` (random_state params and ``_rng`` of fitted estimators).

Its pickle form changed with numpy 1.17 (bit generators) and again in 2.x, so
it is captured through the stable public API instead: ``get_state()`` returns
the Mersenne Twister state as ``('MT19937', key, pos, has_gauss,
cached_gaussian)`` in every numpy release, and ``set_state`` accepts it back.
"""
from __future__ import annotations

from ..tree import Node, join
from ._state import as_int, field, require


class RandomStateCodec:
    def capture(self, obj, entry):
        name, key, pos, has_gauss, cached_gaussian = obj.get_state()[:5]
        return Node(entry.name, state={"bit_generator": str(name), "key": key, "pos": int(pos),
                                       "has_gauss": int(has_gauss), "cached_gaussian": float(cached_gaussian)})

    def validate(self, node, path):
        require(node.params is None and node.args is None, "RandomState takes only state", path)
        state = node.state
        require(field(state, "bit_generator", path) == "MT19937", "only the MT19937 generator is supported",
                join(path, "bit_generator"))
        key = field(state, "key", path, kinds="u", ndim=1)
        require(key.shape == (624,) and key.dtype.itemsize == 4, "key must be 624 uint32 words", join(path, "key"))
        as_int(field(state, "pos", path), "pos", join(path, "pos"), minimum=0)
        require(state["pos"] <= 624, "pos must be <= 624", join(path, "pos"))
        as_int(field(state, "has_gauss", path), "has_gauss", join(path, "has_gauss"), minimum=0)
        require(isinstance(field(state, "cached_gaussian", path), float), "cached_gaussian must be a float",
                join(path, "cached_gaussian"))

    def build(self, cls, node, path):
        state = node.state
        random_state = cls()
        random_state.set_state((state["bit_generator"], state["key"], state["pos"], state["has_gauss"],
                                state["cached_gaussian"]))
        return random_state
