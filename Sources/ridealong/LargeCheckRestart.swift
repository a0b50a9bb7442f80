import ScenarioKit

#if canImport(Glibc)
import Glibc
#endif

/// A check of a very large course (tens of megabytes of script) allocates over half a gigabyte in
/// millions of small pieces, and the kernel then spends about a quarter of the check handing out, and
/// at exit taking back, 4 KiB pages. The C library's allocator can ask for 2 MiB pages instead, but
/// reads that setting (the glibc tunable `glibc.malloc.hugetlb`) only from the environment as a process
/// starts, so such a check starts itself once more with it set. Smaller checks, and any run whose
/// environment already names tunables (`GLIBC_TUNABLES=` turns this off), run as they are.
enum LargeCheckRestart {
    /// Script bytes from which the restart pays for itself (it costs a few milliseconds).
    static let threshold = 16 * 1_048_576

    static let tunables = "glibc.malloc.hugetlb=1"

    /// Whether a check should start again, given `GLIBC_TUNABLES` as it is set (nil when unset) and the
    /// size of its scripts (measured only when the setting is unset).
    static func shouldRestart(tunablesSet current: String?, scriptBytes: () -> Int) -> Bool {
        current == nil && scriptBytes() >= threshold
    }

    /// The size of the `.ride` files at `paths` (folders searched all the way down, as `check` does).
    static func scriptBytes(at paths: [String]) -> Int {
        paths.reduce(0) { total, path in
            guard FileSystem.isDirectory(path) else { return total + (path.hasSuffix(".ride") ? FileSystem.size(path) : 0) }
            return total + scriptBytes(at: FileSystem.list(path).filter { !$0.hasPrefix(".") }.map { FileSystem.join(path, $0) })
        }
    }

    /// Replaces the process with the same command and the huge-page setting when `paths` are large;
    /// returns (and the check goes on as it is) when they are not, or when the restart cannot be made.
    static func restartIfLarge(paths: [String]) {
        #if os(Linux)
        let current = getenv("GLIBC_TUNABLES").map { String(cString: $0) }
        guard shouldRestart(tunablesSet: current, scriptBytes: { scriptBytes(at: paths) }) else { return }
        setenv("GLIBC_TUNABLES", tunables, 1)
        execv("/proc/self/exe", CommandLine.unsafeArgv)
        unsetenv("GLIBC_TUNABLES")
        #endif
    }
}
