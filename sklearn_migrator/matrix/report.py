"""The matrix report: a Markdown table, the reasons table and a heat-map image from results.json."""
from __future__ import annotations

import collections

from ..parity.reasons import REASONS
from ..parity.records import judge_result
from ..parity.refusals import expected_refusal
from ..versions import Version

_RANK = {"exact": 0, "close": 1, "refused": 2, "fail": 3, "error": 3}
_SYMBOL = {0: "exact", 1: "close", 2: "refused", 3: "FAIL"}
_MARK = {0: "", 1: "≈ ", 2: "⊘ ", 3: "✗ "}


def rejudge(report) -> dict:
    """``report`` with every result judged again by the current rule and expected
    refusals (from what each result observed)."""
    for result in report["results"]:
        judge_result(result)
    return report


def cells(report):
    """``{estimator: {(source, target): (worst rank, n_cases, n_exact, n_refused)}}``."""
    grid = collections.defaultdict(dict)
    for result in report["results"]:
        if result["status"] == "absent":  # the target release lacks the class: no cell
            continue
        key = (result["source"], result["target"])
        rank = _RANK[result["status"]]
        worst, count, exact, refused = grid[result["estimator"]].get(key, (0, 0, 0, 0))
        grid[result["estimator"]][key] = (max(worst, rank), count + 1, exact + (rank == 0), refused + (rank == 2))
    return grid


def _verdict(cell) -> str:
    """A cell's column in the tables: FAIL if a configuration fails; refused if every one
    is refused; partly refused if some are and the others pass; else exact or close."""
    worst, count, _, refused = cell
    if worst == 3:
        return "FAIL"
    if refused:
        return "refused" if refused == count else "partly refused"
    return _SYMBOL[worst]


def _ordered(versions):
    return sorted(versions, key=Version)


def _by_numeric_stack(report, grid) -> list:
    """Exact cells split by whether source and target run the same numpy and scipy:
    outputs computed by numpy's vectorised math and BLAS round differently across builds."""
    stacks = report.get("stacks")
    if not stacks:
        return []
    counts = collections.Counter()
    for cells_of in grid.values():
        for (source, target), cell in cells_of.items():
            same = stacks.get(source) == stacks.get(target)
            counts[same, "all"] += 1
            counts[same, _verdict(cell)] += 1
    lines = ["## Exactness by numeric stack", "",
             "Each release runs with the numpy and scipy of its day; their builds (vectorised exp/log, BLAS "
             "kernels) round differently, so only pairs sharing a stack can be expected bit-exact everywhere.", "",
             "| source and target | cells | exact | close | partly refused | refused | fail |",
             "|---|---|---|---|---|---|---|"]
    for same, label in ((True, "same numpy and scipy"), (False, "different numpy or scipy")):
        if counts[same, "all"]:
            lines.append("| %s | %d | %d (%.1f%%) | %d | %d | %d | %d |" % (
                label, counts[same, "all"], counts[same, "exact"], 100.0 * counts[same, "exact"] / counts[same, "all"],
                counts[same, "close"], counts[same, "partly refused"], counts[same, "refused"], counts[same, "FAIL"]))
    lines += ["", "| release | numeric stack |", "|---|---|"]
    lines += ["| %s | %s |" % (version, stacks[version]) for version in _ordered(stacks)]
    return lines + [""]


def _refusals(report) -> list:
    """Each refused configuration with its reason and the release pairs it holds for."""
    pairs = collections.defaultdict(list)
    for r in report["results"]:
        if r["status"] == "refused":
            reason = str(r["detail"]).split(" (document from")[0].replace("|", "/")
            # one row per reason, not per pair: a reason naming the pair's releases names them as roles
            reason = reason.replace(r["source"], "(source)").replace(r["target"], "(target)")
            pairs[r["case"], reason].append("%s→%s" % (r["source"], r["target"]))
    if not pairs:
        return []
    lines = ["## Refusals", "", "Every refusal is one listed in `sklearn_migrator/parity/refusals.py`, with the upstream "
             "change that makes it necessary; any other refusal, or a listed one that no longer happens, fails.", "",
             "| configuration | because | message | release pairs |", "|---|---|---|---|"]
    for (case, reason), items in sorted(pairs.items()):
        source, target = items[0].split("→")
        because = expected_refusal(case, source, target).because
        lines.append("| %s | %s | %s | %d: %s |" % (case, because, reason, len(items),
                                                    ", ".join(sorted(items, key=_pair_order))))
    return lines + [""]


def _pair_order(pair):
    source, target = pair.split("→")
    return Version(source), Version(target)


def markdown(report) -> str:
    grid = cells(report)
    versions = _ordered(report["versions"])
    lines = ["# Cross-version matrix", "",
             "Generated by `sklearn-migrator matrix`. A cell is one (source release, target release) pair for one "
             "estimator; it passes when every configuration of that estimator passes the parity rule: every output "
             "bit-identical, unless a stated reason for that class, output and pair of releases allows a bound in "
             "ulps ([reasons.md](reasons.md)); labels, indices and round trips within one environment identical, always; "
             "refused only where [the expected refusals](#refusals) say so.", ""]
    for key, title in (("install_failures", "Releases that could not be installed"),
                       ("export_failures", "Releases where exporting failed"),
                       ("check_failures", "Releases where checking failed")):
        if report.get(key):
            lines += ["**%s:** " % title + "; ".join("%s (%s)" % item for item in sorted(report[key].items())), ""]
    if report.get("wall_seconds") is not None:
        cpus = sorted({stack["cpu"] for result in report["results"] for stack in result.get("stacks") or ()
                       if isinstance(stack, dict) and "cpu" in stack})
        lines += ["%d releases, %d pairs; wall time %.1f min on %s CPU cores (%s)." % (
            len(versions), len(versions) ** 2, report["wall_seconds"] / 60.0, report.get("cpus", "?"),
            "; ".join(cpus) or "CPU not recorded"), ""]
    lines += _by_numeric_stack(report, grid)
    total = collections.Counter()
    lines += ["## Summary", "", "A configuration is refused when migrating it raises a MigrationError (the target "
              "computes that model differently and cannot be made not to) or an UnavailableError (the target "
              "release lacks a class it holds); see [Refusals](#refusals). A cell is refused when all its "
              "configurations are, partly refused when some are and the others pass.", "",
              "| estimator | cells | exact | close | partly refused | refused | fail |", "|---|---|---|---|---|---|---|"]
    columns = ("exact", "close", "partly refused", "refused", "FAIL")
    for estimator in sorted(grid):
        counts = collections.Counter(_verdict(cell) for cell in grid[estimator].values())
        total.update(counts)
        lines.append("| %s | %d | %s |" % (estimator, len(grid[estimator]),
                                          " | ".join(str(counts[column]) for column in columns)))
    lines.append("| **all** | %d | %s |" % (sum(total.values()), " | ".join(str(total[column]) for column in columns)))
    absent = collections.defaultdict(set)
    for result in report["results"]:
        if result["status"] == "absent":
            absent[result["estimator"]].add(result["target"])
    if absent:
        lines += ["", "Not counted (the target release lacks the class; rebuilding is refused with "
                      "UnavailableError): " + "; ".join(
                          "%s in %s" % (name, ", ".join(_ordered(targets))) for name, targets in sorted(absent.items()))]
    lines += ["", "## Per estimator (rows: source release, columns: target release; exact configurations / all)", ""]
    for estimator in sorted(grid):
        lines += ["### %s" % estimator, "", "| source \\ target | " + " | ".join(versions) + " |",
                  "|---" * (len(versions) + 1) + "|"]
        for source in versions:
            row = []
            for target in versions:
                cell = grid[estimator].get((source, target))
                row.append("" if cell is None else "%s%d/%d" % (_MARK[cell[0]], cell[2], cell[1]))
            lines.append("| %s | %s |" % (source, " | ".join(row)))
        lines.append("")
    lines += _refusals(report)
    failures = [r for r in report["results"] if r["status"] in ("fail", "error")]
    if failures:
        lines += ["## Failing configurations", "",
                  "Each output no reason allows (how it differs; ulps for floats), or the error; and the "
                  "migration's own warning where it declared the change.", "",
                  "| source | target | configuration | detail | declared by the migration |", "|---|---|---|---|---|"]
        for r in failures:
            detail = _failure(r["detail"]).replace("|", "/").replace("\n", " ")
            notes = " ".join(r.get("notes", [])).replace("|", "/")
            lines.append("| %s | %s | %s | %s | %s |" % (r["source"], r["target"], r["case"], detail[:300],
                                                         notes[:300]))
    return "\n".join(lines) + "\n"


def _failure(detail) -> str:
    if not isinstance(detail, dict):
        return str(detail)
    return "; ".join("%s: %s%s" % (name, d["kind"], "" if d["ulps"] is None else " %.4g ulps" % d["ulps"])
                     for name, d in sorted(detail.items()) if d["reason"] is None)


def reasons_markdown(report) -> str:
    """The reasons table: each reason with the cells it covers and the largest distance seen."""
    covered, results, largest = collections.defaultdict(set), collections.Counter(), {}
    for r in report["results"]:
        if r["status"] != "close":
            continue
        used = {detail["reason"] for detail in r["detail"].values()} - {None}
        for index in used:
            covered[index].add((r["estimator"], r["source"], r["target"]))
        results.update(used)
        for detail in r["detail"].values():
            if detail["reason"] is not None:
                largest[detail["reason"]] = max(largest.get(detail["reason"], 0), detail["ulps"])
    lines = ["# Why outputs may differ: the reasons of the parity rule", "",
             "Generated by `sklearn-migrator matrix` from `sklearn_migrator/parity/reasons.py` and the run's "
             "results. An output is compared bit for bit unless one of these reasons names its class and output "
             "and applies to the pair of releases: a numeric-stack reason only where source and target run "
             "different numpy or scipy versions or CPU extensions, a reason in scikit-learn's code only across the release that "
             "changed it, a composite's reason only where one of its members, observed on the very input the "
             "composite handed it, differs as that member's own reason allows. Cells: (estimator, source, "
             "target) triples with an output the reason allowed; results: configurations.", "",
             "| # | classes | outputs: bound (ulps) | applies | cause | cells | results | largest seen (ulps) |",
             "|---|---|---|---|---|---|---|---|"]
    for index, reason in enumerate(REASONS):
        lines.append("| %d | %s | %s | %s | %s | %d | %d | %s |" % (
            index, ", ".join(reason.classes), ", ".join("%s: %g" % item for item in sorted(reason.bounds.items())),
            reason.when,
            reason.cause.replace("|", "/"), len(covered[index]), results[index],
            "%g" % largest[index] if index in largest else "-"))
    unused = [str(index) for index in range(len(REASONS)) if not covered[index]]
    if unused:
        lines += ["", "Reasons no cell of this run needed: %s." % ", ".join(unused)]
    return "\n".join(lines) + "\n"


#: The summary's colours, by a cell's verdict (partly refused counts as refused).
_SHARES = (("exact", "#2ca02c"), ("close", "#ffdd57"), ("refused", "#7f7f7f"), ("FAIL", "#d62728"))


def _pyplot():
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        raise RuntimeError("the heat maps need matplotlib: pip install 'sklearn-migrator[matrix]'")
    return plt


def summary_heatmap(report, path) -> None:
    """One source x target grid: each cell a bar split by the share of estimators whose
    configurations are all exact, at worst close, refused (some or all), or failing there,
    labelled with the exact share in percent."""
    plt = _pyplot()
    from matplotlib.patches import Patch, Rectangle

    grid = cells(report)
    versions = _ordered(report["versions"])
    size = min(max(6.0, 0.5 * len(versions) + 2), 14.0)  # 15 releases: 9.5 inches; all 46: 14
    figure, axis = plt.subplots(figsize=(size * 1.1, size))
    for row, source in enumerate(versions):
        for column, target in enumerate(versions):
            verdicts = [_verdict(of[(source, target)]) for of in grid.values() if (source, target) in of]
            if not verdicts:
                continue
            left = column - 0.45
            for name, colour in _SHARES:
                share = sum(v == name or (name == "refused" and v == "partly refused") for v in verdicts)
                width = 0.9 * share / len(verdicts)
                axis.add_patch(Rectangle((left, row - 0.45), width, 0.9, color=colour, linewidth=0))
                left += width
            exact = 100.0 * verdicts.count("exact") / len(verdicts)
            if len(versions) <= 20:  # (46 releases leave no room for a number per cell)
                axis.text(column, row, "%d" % round(exact), ha="center", va="center", fontsize=7)
    axis.set_xlim(-0.5, len(versions) - 0.5)
    axis.set_ylim(len(versions) - 0.5, -0.5)
    axis.set_xticks(range(len(versions)))
    axis.set_yticks(range(len(versions)))
    axis.set_xticklabels(versions, rotation=90, fontsize=8 if len(versions) <= 20 else 6)
    axis.set_yticklabels(versions, fontsize=8 if len(versions) <= 20 else 6)
    axis.set_xlabel("target release (rebuilt in)")
    axis.set_ylabel("source release (exported from)")
    axis.set_title("sklearn-migrator: %d estimators, their share per cell%s" % (
        len(grid), " (number: %% exact)" if len(versions) <= 20 else ""), fontsize=11)
    axis.legend(handles=[Patch(color=colour, label=name if name != "FAIL" else "failing") for name, colour in _SHARES],
                loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=4, fontsize=9, frameon=False)
    figure.tight_layout()
    figure.savefig(path, dpi=110, bbox_inches="tight")
    plt.close(figure)


def heatmap(report, path) -> None:
    """A PNG with one source x target grid per estimator: green exact, yellow close, red fail."""
    import numpy as np

    plt = _pyplot()
    from matplotlib.colors import ListedColormap

    grid = cells(report)
    versions = _ordered(report["versions"])
    names = sorted(grid)
    columns = 4
    rows = max(1, -(-len(names) // columns))
    figure, axes = plt.subplots(rows, columns, figsize=(4.2 * columns, 4.2 * rows), squeeze=False)
    colours = ListedColormap(["#d9d9d9", "#2ca02c", "#ffdd57", "#7f7f7f", "#d62728"])
    for axis, name in zip(axes.flat, names):
        values = np.zeros((len(versions), len(versions)))
        for (source, target), (rank, _, _, _) in grid[name].items():
            values[versions.index(source), versions.index(target)] = rank + 1
        axis.imshow(values, cmap=colours, vmin=0, vmax=4)
        axis.set_title(name, fontsize=9)
        axis.set_xticks(range(len(versions)))
        axis.set_yticks(range(len(versions)))
        axis.set_xticklabels(versions, rotation=90, fontsize=6)
        axis.set_yticklabels(versions, fontsize=6)
    for axis in list(axes.flat)[len(names):]:
        axis.axis("off")
    figure.suptitle("sklearn-migrator: source (rows) x target (columns); green exact, yellow close, dark grey "
                    "refused, red fail, light grey not applicable", fontsize=10)
    figure.tight_layout(rect=(0, 0, 1, 0.97))
    figure.savefig(path, dpi=110)
    plt.close(figure)
