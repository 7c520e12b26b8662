package frontend

import (
	"strconv"
	"strings"

	"github.com/idebank/idebank/domain"
)

// fieldErrors are the problems of a posted form, keyed by the JSON
// pointers the domain uses (the API's field names), so that a message
// lands next to the input it is about.
type fieldErrors []domain.FieldProblem

// For returns the messages about the field at pointer and its parts
// ("/tags" also gets "/tags/3").
func (fe fieldErrors) For(pointer string) []string {
	var out []string
	for _, p := range fe {
		if p.Pointer == pointer || strings.HasPrefix(p.Pointer, pointer+"/") {
			out = append(out, p.Detail)
		}
	}
	return out
}

// Exact returns the messages about the field at pointer itself.
func (fe fieldErrors) Exact(pointer string) []string {
	var out []string
	for _, p := range fe {
		if p.Pointer == pointer {
			out = append(out, p.Detail)
		}
	}
	return out
}

// Row returns the messages about row i of the savings profile.
func (fe fieldErrors) Row(i int) []string { return fe.For("/savings/" + strconv.Itoa(i)) }

// merge adds the problems of more whose pointer fe has no message for yet.
func (fe fieldErrors) merge(more []domain.FieldProblem) fieldErrors {
	for _, p := range more {
		if len(fe.For(p.Pointer)) == 0 {
			fe = append(fe, p)
		}
	}
	return fe
}

// fieldID returns the ID of the input a pointer is about: "/title" →
// "title", "/savings/1/amount_dkk" → "savings-1", "/tags/3" → "tags",
// "/contact/email" → "contact-email".
func fieldID(pointer string) string {
	parts := strings.Split(strings.TrimPrefix(pointer, "/"), "/")
	switch parts[0] {
	case "savings":
		if len(parts) > 1 {
			return "savings-" + parts[1]
		}
		return "savings-0"
	case "tags":
		return "tags"
	case "municipality":
		return "municipality"
	}
	return strings.Join(parts, "-")
}

// parseKroner reads an amount in whole kroner as people type it:
// "1.234.567", "1 234 567 kr." or "250000".
func parseKroner(s string) (int64, bool) {
	s = strings.TrimSpace(s)
	s = strings.TrimSuffix(strings.TrimSuffix(s, "."), "kr")
	s = strings.NewReplacer(".", "", " ", "", "\u00a0", "").Replace(s)
	n, err := strconv.ParseInt(s, 10, 64)
	return n, err == nil
}
