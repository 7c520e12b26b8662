package api

import (
	"errors"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/idebank/idebank/domain"
)

// jsonContentType is the content type of every JSON answer, as the contract states it.
const jsonContentType = "application/json; charset=utf-8"

// writeJSON answers with v as JSON.
func writeJSON(c echo.Context, status int, v any) error {
	c.Response().Header().Set(echo.HeaderContentType, jsonContentType)
	return c.JSON(status, v)
}

// writeProposal answers with one proposal and its ETag.
func writeProposal(c echo.Context, status int, pr *domain.Proposal) error {
	setETag(c, pr.Version)
	return writeJSON(c, status, toProposalResponse(pr, principal(c)))
}

// setETag sets the ETag of a proposal: its version, quoted.
func setETag(c echo.Context, version int) {
	c.Response().Header().Set("ETag", `"`+strconv.Itoa(version)+`"`)
}

// parseIfMatch returns the version named by an If-Match header: "3",
// W/"3" or a bare 3. It returns errPreconditionRequired when the header is
// missing or names no single version (such as *), because every write must
// say which version it was based on.
func parseIfMatch(h string) (int, error) {
	tag := strings.TrimPrefix(strings.TrimSpace(h), "W/")
	tag = strings.TrimSuffix(strings.TrimPrefix(tag, `"`), `"`)
	v, err := strconv.Atoi(tag)
	if err != nil || v < 1 {
		return 0, errPreconditionRequired
	}
	return v, nil
}

// ifMatch runs write with the version from the If-Match header. When the
// version is stale it adds the proposal's current ETag to the 412 answer,
// so the client can fetch that version and retry.
func (s *Server) ifMatch(c echo.Context, id string, write func(version int) error) error {
	version, err := parseIfMatch(c.Request().Header.Get("If-Match"))
	if err != nil {
		return err
	}
	err = write(version)
	if errors.Is(err, domain.ErrVersionConflict) {
		if cur, gerr := s.svc.GetProposal(c.Request().Context(), principal(c), id); gerr == nil {
			setETag(c, cur.Version)
		}
	}
	return err
}
