/// The children of every collection still open, the innermost collection's last, in one buffer for a whole parse.
///
/// A finished collection moves its children out into an exactly sized array. Growing one array per collection
/// reallocated most collections two or three times, and copying nodes between arrays retained and released them.
struct PendingChildren: ~Copyable {
    private var storage: UnsafeMutablePointer<Node>
    private var capacity: Int
    /// How many children are held; the next child goes at this index.
    private(set) var count = 0

    init() {
        capacity = 64
        storage = .allocate(capacity: capacity)
    }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }

    /// The child at `index` (below `count`), read in place.
    subscript(index: Int) -> Node {
        unsafeAddress {
            precondition(index >= 0 && index < count, "child index out of range")
            return UnsafePointer(storage + index)
        }
    }

    mutating func append(_ node: consuming Node) {
        if count == capacity { grow() }
        (storage + count).initialize(to: node)
        count += 1
    }

    /// Moves the children from `start` on out, in order, as a sequence's items.
    mutating func removeItems(from start: Int) -> [Node] {
        let moved = count - start
        guard moved > 0 else { return [] }
        let source = storage + start
        count = start
        return Array(unsafeUninitializedCapacity: moved) { buffer, initialized in
            guard let target = buffer.baseAddress else { return }
            target.moveInitialize(from: source, count: moved)
            initialized = moved
        }
    }

    /// Moves the children from `start` on out as a mapping's pairs: key, value, key, value...
    mutating func removePairs(from start: Int) -> [Node.Pair] {
        let pairCount = (count - start) / 2
        // libyaml gives every key a value (an empty scalar at worst); a lone key could only be left by a parse
        // error, and is dropped as the pair-building code always did.
        if (count - start) % 2 == 1 {
            count -= 1
            (storage + count).deinitialize(count: 1)
        }
        guard pairCount > 0 else { return [] }
        let source = storage + start
        count = start
        return Array(unsafeUninitializedCapacity: pairCount) { buffer, initialized in
            guard let target = buffer.baseAddress else { return }
            for index in 0..<pairCount {
                (target + index).initialize(to: Node.Pair(key: (source + 2 * index).move(),
                                                          value: (source + 2 * index + 1).move()))
            }
            initialized = pairCount
        }
    }

    private mutating func grow() {
        let larger = UnsafeMutablePointer<Node>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: storage, count: count)
        storage.deallocate()
        storage = larger
        capacity *= 2
    }
}
