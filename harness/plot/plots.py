#!/usr/bin/python3
"""Plots of make bench's results (Debian's python3-matplotlib, Agg backend): PNGs into results/.

  alloc_pair_ns.png        malloc+free pair, ns per size class, per allocator (micro_alloc*.json)
  rss_<workload>.png       RSS after each statement, refheap per allocator beside CPython (workloads.json)
  release_latency.png      time until RSS is back after the freeing statement, per config (workloads.json)
  gc_pause_vs_heap.png     full-collection time vs graph size, gen0 pause vs old-generation size (micro_gc.json)
Missing inputs are skipped with a message, never faked."""
import argparse
import glob
import json
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def load(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def gb_medians(doc, field="cpu_time"):
    out = {}
    for b in (doc or {}).get("benchmarks", []):
        if b.get("aggregate_name") == "median" or ("aggregate_name" not in b and b.get("run_type") == "iteration"):
            scale = {"ns": 1, "us": 1e3, "ms": 1e6, "s": 1e9}[b.get("time_unit", "ns")]
            out.setdefault(b["run_name"], b[field] * scale)
            if b.get("aggregate_name") == "median":
                out[b["run_name"]] = b[field] * scale
    return out


def plot_alloc(results):
    med = {}
    for p in glob.glob(os.path.join(results, "micro_alloc*.json")):
        med.update(gb_medians(load(p)))
    series = {}
    for name, v in med.items():
        parts = name.split("/")
        if parts[0] == "pair":
            series.setdefault(parts[1], []).append((int(parts[2]), v))
    if not series:
        print("plots: no micro_alloc results; alloc_pair_ns.png skipped")
        return
    fig, ax = plt.subplots(figsize=(8, 4.5))
    for alloc in sorted(series):
        pts = sorted(series[alloc])
        ax.plot([p[0] for p in pts], [p[1] for p in pts], marker="o", label=alloc)
    ax.set_xlabel("request size (bytes)")
    ax.set_ylabel("ns per malloc+free pair (median CPU time)")
    ax.set_title("Allocator fast path, same run (cpython = CPython 3.11's own obmalloc)")
    ax.set_ylim(bottom=0)
    ax.grid(alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(os.path.join(results, "alloc_pair_ns.png"), dpi=110)
    plt.close(fig)


def plot_workloads(results):
    doc = load(os.path.join(results, "workloads.json"))
    if not doc:
        print("plots: no workloads.json; RSS and release plots skipped")
        return
    rel_rows = []
    for w, wd in doc["workloads"].items():
        fig, ax = plt.subplots(figsize=(8, 4.5))
        for cfg, agg in sorted(wd["configs"].items()):
            s = agg.get("rss_series") or []
            if not s:
                continue
            style = "-" if cfg.startswith("refheap/") else "--"
            ax.plot(range(len(s)), [x / 2**20 for x in s], style, marker=".", label=cfg)
            for label, ph in (agg.get("phases") or {}).items():
                r = ph.get("release")
                if r:
                    rel_rows.append((w, label, cfg, r))
        ax.set_xlabel("top-level statement executed")
        ax.set_ylabel("RSS after statement (MiB)")
        ax.set_title("%s (N = %s): refheap (solid) vs CPython 3.11 (dashed)" % (w, wd.get("n")))
        ax.grid(alpha=0.3)
        ax.legend(fontsize=7, ncol=2)
        fig.tight_layout()
        fig.savefig(os.path.join(results, "rss_%s.png" % w), dpi=110)
        plt.close(fig)
    if rel_rows:
        main = [r for r in rel_rows if r[0] == "seed_01_range_del_collect"] or rel_rows
        labels = ["%s\n%s" % (r[2], r[1]) for r in main]
        vals = [(r[3].get("latency_ns") or 0) / 1e6 for r in main]
        colors = ["tab:blue" if r[2].startswith("refheap/") else "tab:orange" for r in main]
        fig, ax = plt.subplots(figsize=(max(8, len(main) * 0.8), 4.5))
        ax.bar(range(len(main)), vals, color=colors)
        for i, r in enumerate(main):
            if r[3].get("outcome") != "released":
                ax.text(i, 0, "not released", rotation=90, ha="center", va="bottom", fontsize=7)
        ax.set_xticks(range(len(main)))
        ax.set_xticklabels(labels, rotation=60, ha="right", fontsize=7)
        ax.set_ylabel("release latency (ms, median)")
        ax.set_title("From the freeing statement until RSS is back within tolerance (%s)" % main[0][0])
        fig.tight_layout()
        fig.savefig(os.path.join(results, "release_latency.png"), dpi=110)
        plt.close(fig)


def plot_gc(results):
    doc = load(os.path.join(results, "micro_gc.json"))
    if not doc:
        print("plots: no micro_gc.json; gc_pause_vs_heap.png skipped")
        return
    med = gb_medians(doc)
    fig, axes = plt.subplots(1, 2, figsize=(11, 4.5))
    groups = {}
    for name, v in med.items():
        parts = name.split("/")
        if len(parts) >= 2:
            try:
                groups.setdefault(parts[0], []).append((int(parts[-1]), v))
            except ValueError:
                pass
    for key, pts in sorted(groups.items()):
        ax = axes[1] if key.startswith("gen0") else axes[0]
        pts.sort()
        ax.plot([p[0] for p in pts], [p[1] / 1e6 for p in pts], marker="o", label=key)
    axes[0].set_xscale("log")
    axes[0].set_xlabel("objects in the graph")
    axes[0].set_ylabel("full collection (ms)")
    axes[1].set_xscale("log")
    axes[1].set_xlabel("objects in the old generation")
    axes[1].set_ylabel("gen0 collection of 700 young objects (ms)")
    for ax in axes:
        ax.grid(alpha=0.3)
        ax.legend(fontsize=7)
    fig.tight_layout()
    fig.savefig(os.path.join(results, "gc_pause_vs_heap.png"), dpi=110)
    plt.close(fig)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--results", required=True)
    args = ap.parse_args()
    plot_alloc(args.results)
    plot_workloads(args.results)
    plot_gc(args.results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
