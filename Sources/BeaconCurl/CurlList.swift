import CCurl

/// A `curl_slist` (recipients, request headers), freed when the last owner lets go. A handle
/// keeps each list it is given, since libcurl reads it during every transfer and never copies it.
package final class CurlList {
    let pointer: UnsafeMutablePointer<curl_slist>?

    package init(_ items: [String]) {
        var list: UnsafeMutablePointer<curl_slist>?
        for item in items {
            guard let longer = curl_slist_append(list, item) else {
                curl_slist_free_all(list)
                preconditionFailure("out of memory building a libcurl list")
            }
            list = longer
        }
        pointer = list
    }

    deinit {
        curl_slist_free_all(pointer)
    }
}
