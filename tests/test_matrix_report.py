"""The matrix report's pictures: one summary heat map that fits a laptop screen, then a map per estimator."""
import pytest

from sklearn_migrator.matrix import report

VERSIONS = ["0.21.3", "1.3.2", "1.9.1"]


def _report():
    results = []
    for index, estimator in enumerate(["Ridge", "SVC", "KMeans", "PCA"]):
        for source in VERSIONS:
            for target in VERSIONS:
                status = "exact" if source == target or index == 0 else ("close", "refused", "fail")[index - 1]
                results.append({"estimator": estimator, "source": source, "target": target, "status": status})
    return {"versions": VERSIONS, "results": results}


def test_the_summary_heat_map_is_one_readable_grid(tmp_path):
    pytest.importorskip("matplotlib")  # the [matrix] extra
    from PIL import Image

    report.summary_heatmap(_report(), str(tmp_path / "matrix.png"))
    report.heatmap(_report(), str(tmp_path / "estimators.png"))
    width, height = Image.open(str(tmp_path / "matrix.png")).size
    assert 600 <= width <= 1920 and 600 <= height <= 1200  # a laptop screen, legend included
    image = Image.open(str(tmp_path / "matrix.png")).convert("RGB")
    colours = set(image.getdata())
    for colour in ((0x2c, 0xa0, 0x2c), (0xff, 0xdd, 0x57), (0x7f, 0x7f, 0x7f), (0xd6, 0x27, 0x28)):
        assert colour in colours  # exact, close, refused and failing shares all drawn
    assert Image.open(str(tmp_path / "estimators.png")).size[0] > width  # the per-estimator page is its own
