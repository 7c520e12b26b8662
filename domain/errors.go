package domain

import (
	"errors"
	"strings"
)

// The error vocabulary shared by every package. Stores and the search index
// wrap these with %w; the HTTP and HTML edges map them to responses in one
// place each.
var (
	// ErrNotFound means the thing does not exist or is not visible to the caller.
	ErrNotFound = errors.New("not found")
	// ErrForbidden means the caller may see the thing but not do this to it.
	ErrForbidden = errors.New("forbidden")
	// ErrUnauthorized means the caller is not authenticated (or credentials are wrong).
	ErrUnauthorized = errors.New("unauthorized")
	// ErrConflict means the change clashes with existing data (e.g. a unique key).
	ErrConflict = errors.New("conflict")
	// ErrVersionConflict means an edit was based on a version that is no longer current.
	ErrVersionConflict = errors.New("version conflict")
	// ErrInvalidTransition means the action is not allowed from the proposal's current status.
	ErrInvalidTransition = errors.New("invalid transition")
)

// FieldProblem is one failing field: a JSON pointer into the request body
// (e.g. "/savings/1/amount_dkk") and a Danish message for the user.
type FieldProblem struct {
	Pointer string
	Detail  string
}

// ValidationError lists every failing field of one input.
type ValidationError struct {
	Problems []FieldProblem
}

func (e *ValidationError) Error() string {
	parts := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		parts[i] = p.Pointer + ": " + p.Detail
	}
	return "validation failed: " + strings.Join(parts, "; ")
}

// Add records a problem for the field at pointer.
func (e *ValidationError) Add(pointer, detail string) {
	e.Problems = append(e.Problems, FieldProblem{Pointer: pointer, Detail: detail})
}

// Err returns e when it holds problems and nil otherwise, so callers can
// collect problems and return e.Err() once.
func (e *ValidationError) Err() error {
	if e == nil || len(e.Problems) == 0 {
		return nil
	}
	return e
}

// Invalid returns a ValidationError for a single field.
func Invalid(pointer, detail string) error {
	return &ValidationError{Problems: []FieldProblem{{Pointer: pointer, Detail: detail}}}
}
