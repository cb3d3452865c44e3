#!/usr/bin/env python3
"""Regrid benchmarks against pandoc, python-docx and the libzip + libxml2 floor (issue 7).

Run by `make bench`. Builds Regrid in release mode, generates the inputs with the project's
generator (`regrid-samples --bench-*`, seeded: the same bytes every time), measures everything
in the same run (hyperfine medians; `/usr/bin/time -v` for peak RSS) and prints the results
table, also written to .build/bench/results.md.

  python3 Benchmarks/run.py            # the default run, ~10 minutes on 2 cores
  python3 Benchmarks/run.py --quick    # small sizes, a smoke test of the script itself

Timings are wall clock on a shared machine: read the ratios, which are stable, more than the seconds.
"""
import argparse, json, os, re, shutil, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, ".build", "bench")
REGRID = os.path.join(ROOT, ".build", "release", "regrid")
SAMPLES = os.path.join(ROOT, ".build", "release", "regrid-samples")
FLOOR = os.path.join(WORK, "docx_floor")
WRITE_FLOOR = os.path.join(WORK, "write_floor")
# Outputs also written to memory (tmpfs), where creating a file costs what it costs on a journaled
# file system: this machine's ext4 has no journal, and then every new inode is searched for past
# the inodes deleted recently (each run deletes the last one's 1000+ outputs first).
MEMORY_OUT = "/dev/shm/regrid-bench-out" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else None
WALK = os.path.join(ROOT, "Benchmarks", "walk_docx.py")
REAL_WEIGHT = os.path.join(ROOT, "Benchmarks", "real_weight.py")


def sh(cmd, **kw):
    return subprocess.run(cmd, shell=isinstance(cmd, str), check=True, **kw)


def note(msg):
    print(f"[bench] {msg}", file=sys.stderr, flush=True)


def ensure_tools():
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    missing = [p for p, exe in (("pandoc", "pandoc"), ("hyperfine", "hyperfine")) if not shutil.which(exe)]
    if missing:
        note(f"installing {' '.join(missing)}")
        sh(sudo + ["apt-get", "install", "-y", "-qq"] + missing)
    if subprocess.run([sys.executable, "-c", "import docx"], capture_output=True).returncode != 0:
        note("installing python-docx")
        sh([sys.executable, "-m", "pip", "install", "-q", "python-docx"])


def build():
    note("building Regrid (release)")
    sh(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "regrid"], cwd=ROOT)
    sh(["swift", "build", "-c", "release", "--static-swift-stdlib", "--product", "regrid-samples"], cwd=ROOT)


def build_floor():
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", "libzip", "libxml-2.0"],
                           capture_output=True, text=True, check=True).stdout.split()
    sh(["cc", "-O2", "-o", FLOOR, os.path.join(ROOT, "Benchmarks", "floor", "docx_floor.c")] + flags)
    sh(["cc", "-O2", "-o", WRITE_FLOOR, os.path.join(ROOT, "Benchmarks", "floor", "write_floor.c"), "-lsqlite3"])


def write_floor_ms(batch_out, runs):
    """Median CPU ms per document of writing `batch_out`'s outputs and catalog rows again and nothing
    else (Benchmarks/floor/write_floor.c times only its writing, by getrusage)."""
    dest = os.path.join(WORK, "write-floor-out")
    per_doc = []
    for _ in range(runs):
        shutil.rmtree(dest, ignore_errors=True)
        out = subprocess.run([WRITE_FLOOR, batch_out, dest], capture_output=True, text=True, check=True).stdout
        per_doc.append(float(re.search(r"([\d.]+) ms/doc", out).group(1)))
    shutil.rmtree(dest, ignore_errors=True)
    return sorted(per_doc)[len(per_doc) // 2]


def generate(what, *args):
    """Runs the generator unless its output (the last argument) is already there."""
    target = args[-1]
    if not os.path.exists(target):
        sh([SAMPLES, what] + [str(a) for a in args], stdout=subprocess.DEVNULL)
    return target


def hyperfine(cmd, runs, prepare=None):
    """Median wall-clock seconds of `cmd` over `runs` runs."""
    return hyperfine_cpu(cmd, runs, prepare)[0]


def hyperfine_cpu(cmd, runs, prepare=None):
    """(median wall-clock seconds, mean CPU seconds: user + system) of `cmd` over `runs` runs."""
    out = os.path.join(WORK, "hyperfine.json")
    args = ["hyperfine", "--runs", str(runs), "--export-json", out, "--style", "none", "--shell=bash"]
    if prepare:
        args += ["--prepare", prepare]
    sh(args + [cmd], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    with open(out) as f:
        r = json.load(f)["results"][0]
    return r["median"], r["user"] + r["system"]


def median_member_kb(files, name):
    import zipfile
    sizes = []
    for path in files[:50]:
        with zipfile.ZipFile(path) as z:
            sizes.append(z.getinfo(name).file_size if name in z.namelist() else 0)
    return sorted(sizes)[len(sizes) // 2] / 1000


def docx_set_row(name, folder, a):
    """One corpus of DOCX: regrid batch (with and without layouts), the C floor, python-docx and
    pandoc, wall and CPU. Returns the summary table's row."""
    files = sorted(os.path.join(folder, f) for f in os.listdir(folder) if f.endswith(".docx"))
    n = len(files)
    batch_out = os.path.join(WORK, "batch-out")
    sample = os.path.join(WORK, f"sample-{os.path.basename(folder)}.txt")
    with open(sample, "w") as f:
        f.write("\n".join(files[:: max(1, n // a.pandoc_sample)][:a.pandoc_sample]) + "\n")
    with open(sample) as f:
        sampled = len(f.read().split())
    note(f"{name}: regrid batch")
    wall, cpu = hyperfine_cpu(f"{REGRID} batch {folder} --out {batch_out} -t json --quiet --jobs 2", a.runs,
                              prepare=f"rm -rf {batch_out}")
    note(f"{name}: write floor (the same outputs and catalog rows, written again)")
    write_ms = write_floor_ms(batch_out, a.runs)
    mem_wall, mem_cpu = (None, None)
    if MEMORY_OUT:
        note(f"{name}: regrid batch, outputs in tmpfs")
        mem_wall, mem_cpu = hyperfine_cpu(f"{REGRID} batch {folder} --out {MEMORY_OUT} -t json --quiet --jobs 2", a.runs,
                                          prepare=f"rm -rf {MEMORY_OUT}")
        shutil.rmtree(MEMORY_OUT, ignore_errors=True)
    plain, _ = hyperfine_cpu(f"{REGRID} batch {folder} --out {batch_out} -t json --quiet --jobs 2 --no-layouts", a.runs,
                             prepare=f"rm -rf {batch_out}")
    note(f"{name}: C floor")
    _, floor_cpu = hyperfine_cpu(f"{FLOOR} {folder}/*.docx", a.runs)
    floor2, _ = hyperfine_cpu(f"ls {folder}/*.docx | xargs -P 2 -n {n // 2 + 1} {FLOOR}", a.runs)
    note(f"{name}: python-docx")
    pydocx, _ = hyperfine_cpu(f"python3 {WALK} {folder}", max(2, a.runs // 2))
    note(f"{name}: pandoc")
    pandoc, _ = hyperfine_cpu(f"while read -r f; do pandoc -f docx -t json \"$f\" -o {WORK}/pandoc.json || exit 1; done < {sample}",
                              max(2, a.runs // 2))
    pandoc_per_doc = pandoc / sampled
    mem = lambda f: "—" if mem_wall is None else f()
    return (f"| {name} | {n} | {median_member_kb(files, 'word/document.xml'):.0f} / {median_member_kb(files, 'word/styles.xml'):.0f} "
            f"| {fmt(n / wall, 0)} | {mem(lambda: fmt(n / mem_wall, 0))} | {fmt(n / plain, 0)} "
            f"| {1000 * cpu / n:.2f} | {mem(lambda: f'{1000 * mem_cpu / n:.2f}')} | {1000 * floor_cpu / n:.2f} | {write_ms:.2f} "
            f"| {cpu / floor_cpu:.2f} | {mem(lambda: f'{mem_cpu / floor_cpu:.2f}')} "
            f"| {(1000 * floor_cpu / n + write_ms) / (1000 * floor_cpu / n):.2f} "
            f"| {fmt(n / floor2, 0)} | {fmt(pandoc_per_doc * n / wall, 1)} | {mem(lambda: fmt(pandoc_per_doc * n / mem_wall, 1))} "
            f"| {fmt(pydocx / wall, 1)} | {mem(lambda: fmt(pydocx / mem_wall, 1))} |")


def peak(cmd, timeout):
    """(seconds, peak RSS in MB) of one run under /usr/bin/time -v, or None on timeout/failure."""
    try:
        r = subprocess.run(["/usr/bin/time", "-v", "bash", "-c", cmd], capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    if r.returncode != 0:
        return None
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr).group(1)) / 1024
    m = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)", r.stderr)
    secs = int(m.group(1) or 0) * 3600 + int(m.group(2)) * 60 + float(m.group(3))
    return secs, rss


def member_size(docx, name="word/document.xml"):
    import zipfile
    with zipfile.ZipFile(docx) as z:
        return z.getinfo(name).file_size


def fmt(x, digits=2):
    if x is None:
        return "—"
    if x >= 100:
        return f"{x:,.0f}"
    return f"{x:.{digits}f}"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="small sizes (200 reports, 1k/10k rows, 10 MB text)")
    ap.add_argument("--reports", type=int, default=1000)
    ap.add_argument("--pandoc-sample", type=int, default=50, help="files pandoc converts (one process each)")
    ap.add_argument("--convert-sample", type=int, default=100, help="files `regrid convert` converts (one process each)")
    ap.add_argument("--rows", default="1000,10000,100000")
    ap.add_argument("--flat-mb", type=int, default=100)
    ap.add_argument("--runs", type=int, default=5, help="hyperfine runs for the fast measurements")
    ap.add_argument("--peer-timeout", type=int, default=240, help="seconds a peer may take on one long table")
    ap.add_argument("--no-build", action="store_true")
    ap.add_argument("--sets-only", action="store_true", help="only the report sets (no long table, no flattened text)")
    a = ap.parse_args()
    if a.quick:
        a.reports, a.rows, a.flat_mb, a.runs, a.pandoc_sample, a.convert_sample = 200, "1000,10000", 10, 3, 10, 30
    rows_list = [int(r) for r in a.rows.split(",")]
    os.makedirs(WORK, exist_ok=True)
    ensure_tools()
    if not a.no_build:
        build()
    build_floor()
    started = time.time()
    out = []
    p = lambda line="": out.append(line)

    # ---- 1. report-like DOCX ----
    reports = generate("--bench-reports", a.reports, os.path.join(WORK, f"reports-{a.reports}"))
    files = sorted(os.path.join(reports, f) for f in os.listdir(reports) if f.endswith(".docx"))
    sizes = [os.path.getsize(f) for f in files]
    xml = [member_size(f) for f in files[:50]]
    lists = {}
    for n in (a.convert_sample, a.pandoc_sample):
        lists[n] = os.path.join(WORK, f"sample-{n}.txt")
        with open(lists[n], "w") as f:
            f.write("\n".join(files[:: max(1, len(files) // n)][:n]) + "\n")
    batch_out = os.path.join(WORK, "batch-out")
    has_batch = re.search(r"^\s+batch\b", subprocess.run([REGRID, "--help"], capture_output=True, text=True).stdout, re.M) is not None
    if not has_batch:
        note("this regrid has no batch command (not merged yet?): batch rows left out")
    rows = []  # (tool, how, docs/s)
    note("reports: regrid batch")
    if has_batch:
        for jobs in (2, 1):
            t = hyperfine(f"{REGRID} batch {reports} --out {batch_out} -t json --quiet --jobs {jobs}", a.runs,
                          prepare=f"rm -rf {batch_out}")
            rows.append((f"`regrid batch --jobs {jobs}`", f"all {len(files)} files, one process", len(files) / t))
        if MEMORY_OUT:
            t = hyperfine(f"{REGRID} batch {reports} --out {MEMORY_OUT} -t json --quiet --jobs 2", a.runs,
                          prepare=f"rm -rf {MEMORY_OUT}")
            shutil.rmtree(MEMORY_OUT, ignore_errors=True)
            rows.append(("`regrid batch --jobs 2`, outputs in tmpfs", f"all {len(files)} files, one process", len(files) / t))
        # The same without the known-layout step (annual-report templates, figures, checks):
        # conversion alone, the work the peers below do.
        for jobs in (2, 1):
            t = hyperfine(f"{REGRID} batch {reports} --out {batch_out} -t json --quiet --jobs {jobs} --no-layouts", a.runs,
                          prepare=f"rm -rf {batch_out}")
            rows.append((f"`regrid batch --jobs {jobs} --no-layouts`", f"all {len(files)} files, one process", len(files) / t))
    note("reports: regrid convert")
    t = hyperfine(f"while read -r f; do {REGRID} convert \"$f\" -o {WORK}/convert.json || exit 1; done < {lists[a.convert_sample]}", a.runs)
    rows.append(("`regrid convert`", f"{a.convert_sample} files, a process each", a.convert_sample / t))
    note("reports: C floor")
    t = hyperfine(f"{FLOOR} {reports}/*.docx", a.runs)
    rows.append(("C floor (libzip + xmlTextReader)", f"all {len(files)} files, one process, 1 core", len(files) / t))
    t = hyperfine(f"ls {reports}/*.docx | xargs -P 2 -n {len(files) // 2 + 1} {FLOOR}", a.runs)
    rows.append(("C floor, 2 processes", f"all {len(files)} files, 2 cores", len(files) / t))
    note("reports: python-docx")
    t = hyperfine(f"python3 {WALK} {reports}", max(2, a.runs // 2))
    rows.append(("python-docx, every table cell", f"all {len(files)} files, one process", len(files) / t))
    note("reports: pandoc")
    t = hyperfine(f"while read -r f; do pandoc -f docx -t json \"$f\" -o {WORK}/pandoc.json || exit 1; done < {lists[a.pandoc_sample]}",
                  max(2, a.runs // 2))
    rows.append(("`pandoc -f docx -t json`", f"{a.pandoc_sample} files, a process each (extrapolated)", a.pandoc_sample / t))
    ref = rows[0][2]  # the first row: batch --jobs 2, or convert without batch
    p(f"### {len(files)} report-like DOCX")
    p()
    p(f"Generated by `regrid-samples --bench-reports {a.reports}`: {min(sizes) // 1000}–{max(sizes) // 1000} KB each "
      f"(document.xml {min(xml) // 1000}–{max(xml) // 1000} KB), 3–4 merged-cell tables, Chinese text.")
    p()
    p(f"| tool | run | docs/s | {rows[0][0]} is … × faster |")
    p("|---|---|---:|---:|")
    for tool, how, rate in rows:
        p(f"| {tool} | {how} | {fmt(rate, 1)} | {fmt(ref / rate)} |")
    p()

    # ---- 1b. real-weight packages (issue 12): the reports as python-docx saves them, the real corpus ----
    pydocx_set = os.path.join(WORK, f"reports-{a.reports}-python-docx")
    sh([sys.executable, REAL_WEIGHT, "python-docx", reports, pydocx_set])
    corpus = os.path.join(ROOT, "..", "shared", "corpus", "docx")
    sets = [("generated reports, 3 parts", reports), ("the same saved through python-docx's template", pydocx_set)]
    if os.path.isdir(corpus):
        real_set = os.path.join(WORK, f"corpus-x{a.reports}")
        sh([sys.executable, REAL_WEIGHT, "replicate", corpus, real_set, str(a.reports)])
        sets.append(("`../shared/corpus/docx` replicated", real_set))
    p("### DOCX corpora: regrid batch --jobs 2 (with layouts) against the floor and the peers")
    p()
    p("| corpus | files | median document.xml / styles.xml KB | docs/s | docs/s, outputs in tmpfs | docs/s `--no-layouts` "
      "| CPU ms/doc | CPU ms/doc, tmpfs | floor CPU ms/doc | write floor ms/doc | CPU vs floor | CPU vs floor, tmpfs "
      "| (floor + write floor) vs floor | floor, 2 processes docs/s | × pandoc | × pandoc, tmpfs | × python-docx | × python-docx, tmpfs |")
    p("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, folder in sets:
        p(docx_set_row(name, folder, a))
    p()
    p("CPU: user + system time of the whole run (hyperfine's mean) per document; the floor is one process "
      "(libzip + xmlTextReader over word/document.xml only); the write floor writes regrid's own outputs and "
      "catalog rows of that run again (temporary file + rename, one SQLite transaction per row) and nothing else, "
      "timed inside the process (median of the runs). tmpfs: the same batch with its outputs and catalog in "
      "/dev/shm (this machine's ext4 has no journal, so each new file is searched for past the inodes that the "
      "previous run's cleanup deleted). × pandoc: a process per file on a "
      f"{a.pandoc_sample}-file sample, extrapolated; × python-docx: one process walking every table cell.")
    p()
    if a.sets_only:
        text = "\n".join(out)
        with open(os.path.join(WORK, "results.md"), "w") as f:
            f.write(text + "\n")
        print(text)
        return

    # ---- 2 + 3. one long merged-cell table: time, peak RSS, scaling ----
    p("### One merged-cell table: time, peak RSS, scaling")
    p()
    p("| rows | document.xml | tool | seconds | peak RSS (MB) | RSS / document.xml | time vs previous size |")
    p("|---:|---:|---|---:|---:|---:|---:|")
    previous = {}
    for n in rows_list:
        docx = generate("--bench-table", n, os.path.join(WORK, f"table-{n}.docx"))
        size = member_size(docx)
        tools = [
            ("regrid convert (DOCX)", f"{REGRID} convert {docx} -o {WORK}/table.json"),
            ("regrid convert (its flattened text)", f"{REGRID} convert {docx}.txt -o {WORK}/table-flat.json"),
            ("C floor", f"{FLOOR} {docx}"),
            ("python-docx", f"python3 {WALK} {docx}"),
            ("pandoc", f"pandoc -f docx -t json {docx} -o {WORK}/table-pandoc.json"),
        ]
        for name, cmd in tools:
            note(f"table {n}: {name}")
            slow = name.startswith(("python", "pandoc"))
            measured = peak(cmd, a.peer_timeout if slow else 3600)
            if measured is None:
                p(f"| {n:,} | {size / 1e6:.1f} MB | {name} | > {a.peer_timeout} s or failed | — | — | — |")
                continue
            secs, rss = measured
            if not slow and secs < 30:
                secs = hyperfine(cmd, 3)
            growth = f"{secs / previous[name]:.1f}×" if name in previous else ""
            previous[name] = secs
            p(f"| {n:,} | {size / 1e6:.1f} MB | {name} | {fmt(secs)} | {fmt(rss, 0)} | {rss / (size / 1e6):.1f} | {growth} |")
    p()

    # ---- 2b. flattened text ----
    flat = generate("--bench-flat", a.flat_mb, os.path.join(WORK, f"flat-{a.flat_mb}mb.txt"))
    mb = os.path.getsize(flat) / 1e6
    note("flat text: regrid convert")
    secs, rss = peak(f"{REGRID} convert {flat} -o {WORK}/flat.json", 3600)
    secs = hyperfine(f"{REGRID} convert {flat} -o {WORK}/flat.json", 3) if secs < 60 else secs
    wc = hyperfine(f"wc -l {flat}", 3)
    p(f"### {mb:.0f} MB of flattened text ({a.flat_mb} MB of Tika-style text of generated reports, `--bench-flat`)")
    p()
    p("| tool | seconds | MB/s | peak RSS (MB) |")
    p("|---|---:|---:|---:|")
    p(f"| `regrid convert` (read, rebuild merges, apply layouts, JSON) | {fmt(secs)} | {fmt(mb / secs, 1)} | {fmt(rss, 0)} |")
    p(f"| `wc -l` (reading the bytes) | {fmt(wc)} | {fmt(mb / wc, 0)} | — |")
    p()
    p(f"pandoc and python-docx do not read flattened text. Total benchmark time {time.time() - started:.0f} s; "
      f"machine: {os.cpu_count()} cores; medians of {a.runs} runs (hyperfine) for the report set, 3 for the others; "
      f"peers on the long table: one run each, timeout {a.peer_timeout} s.")
    text = "\n".join(out)
    with open(os.path.join(WORK, "results.md"), "w") as f:
        f.write(text + "\n")
    print(text)


if __name__ == "__main__":
    main()
