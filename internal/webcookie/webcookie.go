// Package webcookie names and shapes the cookies of a browser session, so
// that the web pages and the JSON API set and read the same session cookie.
package webcookie

import (
	"net/http"
	"time"
)

// Session is the base name of the session cookie, which carries the
// session's secret (see domain.StartSession).
const Session = "idebank_session"

// hostPrefix makes the browser refuse a cookie that is not Secure, not
// host-only or not on path /.
const hostPrefix = "__Host-"

// Name returns the name of the cookie called base: over TLS (secure) it
// carries the __Host- prefix.
func Name(secure bool, base string) string {
	if secure {
		return hostPrefix + base
	}
	return base
}

// New returns the cookie called base with value: host-only, HttpOnly,
// SameSite=Lax, on path /, Secure over TLS, lasting maxAge; a negative
// maxAge deletes it.
func New(secure bool, base, value string, maxAge time.Duration) *http.Cookie {
	ck := &http.Cookie{
		Name: Name(secure, base), Value: value, Path: "/",
		HttpOnly: true, Secure: secure, SameSite: http.SameSiteLaxMode,
		MaxAge: int(maxAge / time.Second),
	}
	if maxAge < 0 {
		ck.MaxAge = -1
	}
	return ck
}
