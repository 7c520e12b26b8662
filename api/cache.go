package api

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"
)

// cacheMaxAge is how long shared caches may keep a read-only analysis, in seconds.
const cacheMaxAge = "60"

// writeCacheable answers a read-only GET with v as JSON and a strong ETag
// computed from the body, or with 304 Not Modified when If-None-Match
// names that ETag. Public answers may be kept by shared caches for a
// minute; others (a draft seen by its staff) only by the caller, who must
// revalidate.
func writeCacheable(c echo.Context, v any, public bool) error {
	body, err := json.Marshal(v)
	if err != nil {
		return fmt.Errorf("api: encode response: %w", err)
	}
	body = append(body, '\n')
	sum := sha256.Sum256(body)
	etag := `"` + hex.EncodeToString(sum[:16]) + `"`
	h := c.Response().Header()
	h.Set("ETag", etag)
	if public {
		h.Set("Cache-Control", "public, max-age="+cacheMaxAge)
	} else {
		h.Set("Cache-Control", "private, no-cache")
	}
	if etagListMatches(c.Request().Header.Get("If-None-Match"), etag) {
		return c.NoContent(http.StatusNotModified)
	}
	return c.Blob(http.StatusOK, jsonContentType, body)
}

// etagListMatches reports whether an If-None-Match header names etag, by
// the weak comparison RFC 9110 prescribes for it, or is "*".
func etagListMatches(header, etag string) bool {
	for _, tag := range strings.Split(header, ",") {
		tag = strings.TrimSpace(tag)
		if tag == "*" || strings.TrimPrefix(tag, "W/") == etag {
			return true
		}
	}
	return false
}
