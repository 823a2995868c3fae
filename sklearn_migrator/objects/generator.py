"""numpy's ``Generator`` (held by histogram gradient boosting since 1.4 as
``_feature_subsample_rng``).

Its pickle form changed across numpy releases (1.x pickles the bit generator's
name and state, 2.x the bit generator object), so it is captured through the
stable public API instead: ``bit_generator.state``, which for PCG64 (what
``np.random.default_rng`` makes, the only generator scikit-learn creates) is
``{'bit_generator': 'PCG64', 'state': {'state': s, 'inc': i}, 'has_uint32': h,
'uinteger': u}`` with 128-bit ``s`` and ``i``. Those two are stored as
hexadecimal strings (JSON numbers beyond 64 bits are not portable).
"""
from __future__ import annotations

import re

from ..tree import Node, join
from ._state import as_int, field, require

_HEX128 = re.compile(r"^0x[0-9a-f]{1,32}$")


def pcg64_state(state) -> dict:
    """The document form of a PCG64 ``bit_generator.state`` dict."""
    inner = state["state"]
    return {"bit_generator": str(state["bit_generator"]), "state": hex(int(inner["state"])),
            "inc": hex(int(inner["inc"])), "has_uint32": int(state["has_uint32"]),
            "uinteger": int(state["uinteger"])}


class GeneratorCodec:
    def capture(self, obj, entry):
        return Node(entry.name, state=pcg64_state(obj.bit_generator.state))

    def validate(self, node, path):
        require(node.params is None and node.args is None, "Generator takes only state", path)
        state = node.state
        require(field(state, "bit_generator", path) == "PCG64", "only the PCG64 bit generator is supported",
                join(path, "bit_generator"))
        for key in ("state", "inc"):
            value = field(state, key, path)
            require(isinstance(value, str) and _HEX128.match(value), "%s must be a 128-bit hexadecimal string",
                    join(path, key), key)
        require(as_int(field(state, "has_uint32", path), "has_uint32", join(path, "has_uint32"), minimum=0) <= 1,
                "has_uint32 must be 0 or 1", join(path, "has_uint32"))
        require(as_int(field(state, "uinteger", path), "uinteger", join(path, "uinteger"), minimum=0) < 2 ** 32,
                "uinteger must be a 32-bit unsigned integer", join(path, "uinteger"))

    def build(self, cls, node, path):
        import numpy as np

        state = node.state
        generator = cls(np.random.PCG64())
        generator.bit_generator.state = {
            "bit_generator": "PCG64", "state": {"state": int(state["state"], 16), "inc": int(state["inc"], 16)},
            "has_uint32": state["has_uint32"], "uinteger": state["uinteger"]}
        return generator
