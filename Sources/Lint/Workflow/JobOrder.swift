/// Which jobs run after which: the transitive closure of `needs`, as one bit row per job of the jobs downstream of it.
///
/// A set per job built by walking every job's ancestors cost jobs × needs × depth (3,000 jobs with 50 `needs` each
/// took 16 s); the rows are built in one pass over the jobs in dependency order, each OR-ing the rows of the jobs
/// that need it, so the work is needs × jobs / 64 words, and "does any of these jobs run after job J" is one AND
/// of two rows. Memory is jobs² bits, so past `maximumJobs` jobs only direct `needs` are known (a hostile file, not
/// a workflow GitHub would run).
public struct JobOrder: Sendable {
    /// The most jobs whose transitive order is computed (8 MiB of rows).
    public static let maximumJobs = 8_192

    private let jobCount: Int
    /// Words per row; 0 when only direct needs are kept.
    let words: Int
    /// `rows[job * words + k]`: bit `i` of word `k` set when job `64k + i` needs `job`, directly or not.
    private let rows: [UInt64]
    /// `upstreamRows[job * words + k]`: bit `i` of word `k` set when `job` needs job `64k + i`, directly or not.
    private let upstreamRows: [UInt64]
    /// The jobs that directly need each job, when there are too many jobs for rows.
    private let directDependents: [Set<Int>]
    /// The jobs each job directly needs, when there are too many jobs for rows.
    private let directNeeds: [Set<Int>]

    /// The order of jobs whose direct needs (as job indexes) are `needs`.
    public init(needs: [[Int]]) {
        jobCount = needs.count
        var dependents: [[Int]] = Array(repeating: [], count: needs.count)
        for (job, list) in needs.enumerated() { for need in list where need >= 0 && need < needs.count { dependents[need].append(job) } }
        guard needs.count <= JobOrder.maximumJobs else {
            words = 0
            rows = []
            upstreamRows = []
            directDependents = dependents.map(Set.init)
            directNeeds = needs.map(Set.init)
            return
        }
        let words = (needs.count + 63) / 64
        self.words = words
        directDependents = []
        directNeeds = []
        rows = JobOrder.closure(dependents, words: words)
        upstreamRows = JobOrder.closure(needs.map { $0.filter { $0 >= 0 && $0 < needs.count } }, words: words)
    }

    /// For each node, the bits of every node reachable through `edges`.
    private static func closure(_ edges: [[Int]], words: Int) -> [UInt64] {
        var rows = [UInt64](repeating: 0, count: edges.count * words)
        let order = JobOrder.finishingOrder(edges)
        // A cycle (an invalid workflow) needs more than one pass; a few passes settle any real one.
        for _ in 0..<4 {
            var changed = false
            for job in order {
                for next in edges[job] {
                    let bit = UInt64(1) << UInt64(next % 64)
                    if rows[job * words + next / 64] & bit == 0 {
                        rows[job * words + next / 64] |= bit
                        changed = true
                    }
                    for k in 0..<words {
                        let merged = rows[job * words + k] | rows[next * words + k]
                        if merged != rows[job * words + k] {
                            rows[job * words + k] = merged
                            changed = true
                        }
                    }
                }
            }
            if !changed { break }
        }
        return rows
    }

    /// True when `later` needs `earlier`, directly or through other jobs.
    public func job(_ later: Int, needs earlier: Int) -> Bool {
        guard later >= 0, later < jobCount, earlier >= 0, earlier < jobCount else { return false }
        if words == 0 { return directDependents[earlier].contains(later) }
        return rows[earlier * words + later / 64] >> UInt64(later % 64) & 1 != 0
    }

    /// True when one of `jobs` needs `earlier`, directly or not.
    func anyJob(of jobs: JobSet, needs earlier: Int) -> Bool {
        guard earlier >= 0, earlier < jobCount else { return false }
        if words == 0 { return directDependents[earlier].contains { jobs.contains($0) } }
        for k in 0..<min(words, jobs.bits.count) where rows[earlier * words + k] & jobs.bits[k] != 0 { return true }
        return false
    }

    /// True when `later` needs one of `jobs`, directly or not.
    func job(_ later: Int, needsAnyOf jobs: JobSet) -> Bool {
        guard later >= 0, later < jobCount else { return false }
        if words == 0 { return directNeeds[later].contains { jobs.contains($0) } }
        for k in 0..<min(words, jobs.bits.count) where upstreamRows[later * words + k] & jobs.bits[k] != 0 { return true }
        return false
    }

    /// The jobs, each after the jobs in its `edges` list (depth-first finishing order, without recursion).
    private static func finishingOrder(_ edges: [[Int]]) -> [Int] {
        var order: [Int] = []
        order.reserveCapacity(edges.count)
        var state = [UInt8](repeating: 0, count: edges.count)  // 0 new, 1 on the stack, 2 done
        for start in edges.indices where state[start] == 0 {
            var stack: [(job: Int, next: Int)] = [(start, 0)]
            state[start] = 1
            while let top = stack.last {
                if top.next < edges[top.job].count {
                    stack[stack.count - 1].next += 1
                    let next = edges[top.job][top.next]
                    if state[next] == 0 {
                        state[next] = 1
                        stack.append((next, 0))
                    }
                } else {
                    state[top.job] = 2
                    order.append(top.job)
                    stack.removeLast()
                }
            }
        }
        return order
    }
}

/// A set of job indexes as bits.
struct JobSet: Sendable {
    private(set) var bits: [UInt64] = []

    init() {}

    init(_ jobs: some Sequence<Int>) { for job in jobs { insert(job) } }

    mutating func insert(_ job: Int) {
        guard job >= 0 else { return }
        while bits.count <= job / 64 { bits.append(0) }
        bits[job / 64] |= UInt64(1) << UInt64(job % 64)
    }

    func contains(_ job: Int) -> Bool { job >= 0 && job / 64 < bits.count && bits[job / 64] >> UInt64(job % 64) & 1 != 0 }
}

/// Positions of one kind (stability waits, post-deploy checks), indexed so that "does any of them run after this
/// step" is a lookup and one row AND instead of a scan of every position per deployment (quadratic with thousands
/// of deploy jobs).
public struct PositionIndex: Sendable {
    private var latestByJob: [Int: StepPosition] = [:]
    private var jobs = JobSet()

    /// Indexes `positions`.
    public init(_ positions: [StepPosition]) {
        for position in positions {
            if let latest = latestByJob[position.job], latest >= position { continue }
            latestByJob[position.job] = position
            jobs.insert(position.job)
        }
    }

    /// True when one of the positions runs before `position` in `order`: in its job, or in a job it needs. (Any
    /// earlier position of the same job counts, as rules that ask treat a same-job position as ordered.)
    public func anyInSameJobOrUpstream(of position: StepPosition, in order: JobOrder) -> Bool {
        latestByJob[position.job] != nil || order.job(position.job, needsAnyOf: jobs)
    }

    /// The latest position in `job`, if any.
    public func latest(inJob job: Int) -> StepPosition? { latestByJob[job] }

    /// True when one of the positions runs after `position` in `order`: later in its job, or in a job needing it.
    public func anyRuns(after position: StepPosition, in order: JobOrder) -> Bool {
        if let latest = latestByJob[position.job], latest > position { return true }
        return order.anyJob(of: jobs, needs: position.job)
    }
}
