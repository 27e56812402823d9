/// What reading one message gave: returned mail with its facts, or the reason it was set aside.
public enum Reading: Sendable {
    case returnedMail(ReturnedMail)
    case setAside(SetAsideReason)
}
