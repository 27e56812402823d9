import Foundation

/// Wall-clock and processor time since the stopwatch was made. Processor time, summed over
/// threads, varies less than wall time on a shared machine.
struct Stopwatch {
    private let start = DispatchTime.now()

    struct Lap {
        let wall: Double
        let processor: Double

        static func - (a: Lap, b: Lap) -> Lap { Lap(wall: a.wall - b.wall, processor: a.processor - b.processor) }
        static func + (a: Lap, b: Lap) -> Lap { Lap(wall: a.wall + b.wall, processor: a.processor + b.processor) }
    }

    func lap() -> Lap {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        let processor = Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        return Lap(wall: Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9, processor: processor)
    }
}
