// Package api serves the idea bank's JSON HTTP API (version 1) with echo.
//
// The package translates between HTTP and the domain: handlers parse a
// request into a request type, call one method of domain.Service and render
// the result; every rule lives in domain. Errors are mapped to RFC 9457
// problem details in one place (errors.go), and the surface is listed in
// routes.go and described by the embedded OpenAPI document served at
// GET /api/v1/openapi.json.
//
// Client addresses (for the access log and any future rate limit) are taken
// from the TCP peer (echo.ExtractIPDirect). A deployment behind a reverse
// proxy should set Echo().IPExtractor to echo.ExtractIPFromXFFHeader with the
// proxy's address range trusted, and never trust forwarding headers from the
// open internet.
package api
