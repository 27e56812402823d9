/// Numbers distinct values 0, 1, 2… in the order they are first seen: comparing numbers for
/// every pair of projects or every reader costs far less than comparing names.
struct Numbering<Value: Hashable> {
    private(set) var numbers: [Value: Int] = [:]

    mutating func callAsFunction(_ value: Value) -> Int {
        if let number = numbers[value] { return number }
        numbers[value] = numbers.count
        return numbers.count - 1
    }

    var count: Int { numbers.count }
}
