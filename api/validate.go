package api

import (
	"errors"
	"reflect"
	"strings"

	"github.com/go-playground/locales/da"
	ut "github.com/go-playground/universal-translator"
	"github.com/go-playground/validator/v10"

	"github.com/idebank/idebank/domain"
)

// shapeValidator checks the `validate` tags of request types: presence and
// structure. The business rules (lengths, allowed values, the savings
// profile) are domain's, checked by ProposalInput.Validate.
type shapeValidator struct {
	v        *validator.Validate
	trans    ut.Translator
	messages map[string]string
}

// shapeMessages are the Danish messages of the validation tags the request
// types use; a tag without one gets a generic message.
func shapeMessages() map[string]string {
	statuses := make([]string, len(domain.StatusLabels))
	for i, o := range domain.StatusLabels {
		statuses[i] = o.Value
	}
	return map[string]string{
		"required": "Feltet skal udfyldes.",
		"min":      "Skal være mindst {0}.",
		"status":   "Ukendt status; brug " + strings.Join(statuses, ", ") + ".",
	}
}

func newShapeValidator() *shapeValidator {
	v := validator.New(validator.WithRequiredStructEnabled())
	v.RegisterTagNameFunc(func(f reflect.StructField) string {
		if q := f.Tag.Get("query"); q != "" {
			return q
		}
		return jsonName(f)
	})
	err := v.RegisterValidation("status", func(fl validator.FieldLevel) bool {
		return domain.IsOption(domain.StatusLabels, fl.Field().String())
	})
	lang := da.New()
	trans, _ := ut.New(lang, lang).GetTranslator(lang.Locale())
	messages := shapeMessages()
	for tag, msg := range messages {
		err = errors.Join(err, v.RegisterTranslation(tag, trans,
			func(t ut.Translator) error { return t.Add(tag, msg, false) },
			func(t ut.Translator, fe validator.FieldError) string { s, _ := t.T(fe.Tag(), fe.Param()); return s },
		))
	}
	if err != nil {
		panic("api: set up validator: " + err.Error()) // fixed tags and messages: a programming error
	}
	return &shapeValidator{v: v, trans: trans, messages: messages}
}

// check validates the tags of the request value dst points to and returns
// a *domain.ValidationError listing every failure (nil when none). When only
// is non-nil, fields whose JSON name is not in it are skipped.
func (sv *shapeValidator) check(dst any, only map[string]bool) error {
	var err error
	if only == nil {
		err = sv.v.Struct(dst)
	} else {
		t := reflect.TypeOf(dst).Elem()
		err = sv.v.StructFiltered(dst, func(ns []byte) bool {
			f, ok := t.FieldByName(topField(string(ns)))
			return !ok || !only[jsonName(f)]
		})
	}
	var fes validator.ValidationErrors
	if !errors.As(err, &fes) {
		return err
	}
	v := &domain.ValidationError{}
	for _, fe := range fes {
		msg := "Ugyldig værdi."
		if _, ok := sv.messages[fe.Tag()]; ok {
			msg = fe.Translate(sv.trans)
		}
		v.Add(namespacePointer(fe.Namespace()), msg)
	}
	return v.Err()
}

// topField returns the top-level Go field name of a validator struct
// namespace such as "proposalRequest.Savings[1].Year".
func topField(ns string) string {
	_, rest, _ := strings.Cut(ns, ".")
	if i := strings.IndexAny(rest, ".["); i >= 0 {
		rest = rest[:i]
	}
	return rest
}

// namespacePointer turns a validator namespace of JSON names such as
// "proposalRequest.savings[1].amount_dkk" into the JSON pointer
// "/savings/1/amount_dkk".
func namespacePointer(ns string) string {
	_, rest, _ := strings.Cut(ns, ".")
	rest = strings.NewReplacer("[", ".", "]", "").Replace(rest)
	return "/" + strings.ReplaceAll(rest, ".", "/")
}
