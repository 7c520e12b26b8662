package frontend

import (
	"strings"

	"github.com/idebank/idebank/domain"
)

// formField is what the "text", "textarea" and "select" templates draw:
// one labelled input with its hint and its problems.
type formField struct {
	ID, Name, Label, Value, Hint string
	Options                      []domain.Option
	Problems                     []string
}

// field builds a text input; id is the input's ID, which also gives its
// name ("contact-role" → "contact_role") and its pointer ("/contact/role").
func field(id, label, value, hint string, errs fieldErrors) formField {
	return formField{
		ID: id, Name: strings.ReplaceAll(id, "-", "_"), Label: label, Value: value, Hint: hint,
		Problems: errs.For("/" + strings.ReplaceAll(id, "-", "/")),
	}
}

// choice builds a select of fixed options.
func choice(id, label, value string, opts []domain.Option, errs fieldErrors) formField {
	f := field(id, label, value, "", errs)
	f.Options = opts
	return f
}
