// Typed wrappers over libcurl's variadic calls, which Swift cannot call directly.
#ifndef BEACON_CCURL_SHIM_H
#define BEACON_CCURL_SHIM_H

#include <curl/curl.h>

typedef size_t (*beacon_curl_read_callback)(char *buffer, size_t size, size_t count, void *context);
typedef size_t (*beacon_curl_data_callback)(char *data, size_t size, size_t count, void *context);
typedef int (*beacon_curl_debug_callback)(CURL *handle, curl_infotype type, char *data, size_t size, void *context);

static inline CURLcode beacon_curl_set_long(CURL *handle, CURLoption option, long value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode beacon_curl_set_string(CURL *handle, CURLoption option, const char *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode beacon_curl_set_pointer(CURL *handle, CURLoption option, void *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode beacon_curl_set_list(CURL *handle, CURLoption option, struct curl_slist *value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode beacon_curl_set_read_function(CURL *handle, beacon_curl_read_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_READFUNCTION, callback);
}

static inline CURLcode beacon_curl_set_write_function(CURL *handle, beacon_curl_data_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, callback);
}

static inline CURLcode beacon_curl_set_header_function(CURL *handle, beacon_curl_data_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, callback);
}

static inline CURLcode beacon_curl_set_size(CURL *handle, CURLoption option, curl_off_t value) {
    return curl_easy_setopt(handle, option, value);
}

static inline CURLcode beacon_curl_set_debug_function(CURL *handle, beacon_curl_debug_callback callback) {
    return curl_easy_setopt(handle, CURLOPT_DEBUGFUNCTION, callback);
}

static inline CURLcode beacon_curl_get_long(CURL *handle, CURLINFO info, long *value) {
    return curl_easy_getinfo(handle, info, value);
}

/// CURL_READFUNC_ABORT is a macro Swift does not import.
static inline size_t beacon_curl_read_abort(void) {
    return CURL_READFUNC_ABORT;
}

#endif
