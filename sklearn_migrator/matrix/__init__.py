"""The version-matrix harness: real isolated environments, every source x target pair.

``sklearn-migrator matrix --versions 0.21.3 1.9.1`` builds one environment per
scikit-learn release with ``uv`` (:mod:`.environments`), fits the model zoo and
writes documents in each (:mod:`.worker` ``export``), rebuilds every document
in every environment and compares every output with the source's
(:mod:`.worker` ``check``), and writes the report (:mod:`.report`).
"""
