/// Every organisation with a project, numbered in the order first met: comparing numbers for
/// every pair of projects, or every candidate of every reader, costs far less than comparing
/// names, and a number indexes an array where a name would need a dictionary.
struct OrganisationNumbers: Sendable {
    /// By position in the projects: the number of each one's organisation.
    let ofProject: [Int32]
    private let numbers: [String: Int32]

    init(projects: [Project]) {
        var numbers: [String: Int32] = [:]
        ofProject = projects.map { project in
            if let number = numbers[project.organisation.key] { return number }
            let number = Int32(numbers.count)
            numbers[project.organisation.key] = number
            return number
        }
        self.numbers = numbers
    }

    var count: Int { numbers.count }

    /// Nil for an organisation with no project.
    func number(of organisation: Organisation) -> Int32? { numbers[organisation.key] }
}
