import RegridKit

/// A snapshot of a running batch, handed to the progress callback.
public struct BatchProgress: Equatable, Sendable {
    /// Documents in this run (this shard).
    public var total: Int
    /// Documents converted and written (now or by an earlier run).
    public var ok: Int
    /// Documents that could not be read or converted (now or by an earlier run).
    public var failed: Int
    /// Documents of a kind Regrid does not read (PDF, legacy .doc, …).
    public var skipped: Int
    /// How many of the above the catalog already had done (same content and options): left alone.
    public var alreadyDone: Int
    /// Seconds since the run started converting.
    public var elapsed: Double

    public init(total: Int, ok: Int = 0, failed: Int = 0, skipped: Int = 0, alreadyDone: Int = 0, elapsed: Double = 0) {
        self.total = total
        self.ok = ok
        self.failed = failed
        self.skipped = skipped
        self.alreadyDone = alreadyDone
        self.elapsed = elapsed
    }

    /// Documents finished in any way.
    public var done: Int { ok + failed + skipped }

    /// Documents processed per second in this run (the catalog's done ones are not counted).
    public var rate: Double {
        elapsed > 0 ? Double(done - alreadyDone) / elapsed : 0
    }

    /// Estimated seconds left, when a rate is known.
    public var secondsLeft: Double? {
        let remaining = total - done
        guard remaining > 0 else { return 0 }
        return rate > 0 ? Double(remaining) / rate : nil
    }

    /// One line for a terminal: `1234/10000 docs  52.3 docs/s  3 failed  ETA 2:48`.
    public var line: String {
        var parts = ["\(done)/\(total) docs", "\(BatchProgress.format(rate, digits: 1)) docs/s", "\(failed) failed"]
        if skipped > 0 { parts.append("\(skipped) skipped") }
        if alreadyDone > 0 { parts.append("\(alreadyDone) already done") }
        parts.append("ETA " + (secondsLeft.map(BatchProgress.clock) ?? "--:--"))
        return parts.joined(separator: "  ")
    }

    /// The closing line: `10000 documents: 9990 ok, 3 failed, 7 skipped (0 already done) in 3:12, 52.1 docs/s`.
    public var summary: String {
        "\(Wording.count(total, "document")): \(ok) ok, \(failed) failed, \(skipped) skipped (\(alreadyDone) already done) "
            + "in \(BatchProgress.clock(elapsed)), \(BatchProgress.format(rate, digits: 1)) docs/s"
    }

    /// `m:ss`, or `h:mm:ss` from an hour on.
    static func clock(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        let (h, m, s) = (whole / 3600, whole / 60 % 60, whole % 60)
        let ss = s < 10 ? "0\(s)" : "\(s)"
        if h > 0 { return "\(h):" + (m < 10 ? "0\(m)" : "\(m)") + ":" + ss }
        return "\(m):" + ss
    }

    static func format(_ value: Double, digits: Int) -> String {
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int((value * scale).rounded())
        let whole = scaled / Int(scale)
        let fraction = String(scaled % Int(scale))
        return digits == 0 ? "\(whole)" : "\(whole)." + String(repeating: "0", count: digits - fraction.count) + fraction
    }
}
