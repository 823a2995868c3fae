"""Codecs: how instances of each kind of allowlisted class are captured and rebuilt.

A codec has three methods (and an optional fourth), all driven by the generic walkers in
:mod:`sklearn_migrator.capture` and :mod:`sklearn_migrator.build`:

``capture(obj, entry)``
    returns a :class:`~sklearn_migrator.tree.Node` whose children are still
    live values (the walker captures them next);
``validate(node, path)``
    checks the node's decoded state before anything is built, raising
    :class:`~sklearn_migrator.errors.StateValidationError` on state that would
    be unsafe to hand to compiled code;
``validate_all(items)`` (optional)
    validates many ``(node, path)`` of its class at once, as ``validate`` would one by
    one (see :class:`~sklearn_migrator.objects._state.CheckedCodec`);
``build(cls, node, path)``
    constructs the object from a node whose children are already built.
"""
