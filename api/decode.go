package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"github.com/idebank/idebank/domain"
)

// decodeBody reads the JSON body into dst (a pointer to a request type) and
// checks its shape. Unknown fields in any letter case, at any depth, are an
// *unknownFieldsError, and malformed JSON a validation error. Otherwise the
// returned ValidationError collects every value of the wrong JSON type and
// every failing `validate` tag; it may be empty. present lists the
// body's top-level keys. When partial is set (a merge patch), only the
// fields present in the body are shape-checked.
func (s *Server) decodeBody(c echo.Context, dst any, partial bool) (problems *domain.ValidationError, present map[string]bool, err error) {
	body, err := io.ReadAll(c.Request().Body)
	if err != nil {
		return nil, nil, fmt.Errorf("api: read body: %w", err)
	}
	var raw any
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if err := dec.Decode(&raw); err != nil || dec.Decode(new(any)) != io.EOF {
		return nil, nil, domain.Invalid("", "Indholdet er ikke gyldig JSON.")
	}
	obj, ok := raw.(map[string]any)
	if !ok {
		return nil, nil, domain.Invalid("", "Indholdet skal være et JSON-objekt.")
	}
	w := &shapeWalk{problems: &domain.ValidationError{}}
	w.walk(obj, reflect.TypeOf(dst).Elem(), "")
	if len(w.unknown) > 0 {
		return nil, nil, &unknownFieldsError{pointers: w.unknown}
	}
	if err := json.Unmarshal(body, dst); err != nil && len(w.problems.Problems) == 0 {
		return nil, nil, fmt.Errorf("api: decode body: %w", err)
	}
	present = make(map[string]bool, len(obj))
	for k := range obj {
		present[k] = true
	}
	var only map[string]bool
	if partial {
		only = present
	}
	if err := addProblems(w.problems, s.shape.check(dst, only)); err != nil {
		return nil, nil, err
	}
	return w.problems, present, nil
}

// shapeWalk compares a decoded JSON value with the request type it is meant
// for. encoding/json matches keys case-insensitively and stops at the first
// type error; this walk matches keys exactly and reports every mismatch.
type shapeWalk struct {
	unknown  []string
	problems *domain.ValidationError
}

func (w *shapeWalk) walk(v any, t reflect.Type, ptr string) {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if v == nil {
		return // null leaves the zero value, which validation then judges
	}
	switch t.Kind() {
	case reflect.Struct:
		obj, ok := v.(map[string]any)
		if !ok {
			w.problems.Add(ptr, "Skal være et objekt.")
			return
		}
		for _, key := range slices.Sorted(maps.Keys(obj)) {
			f, ok := fieldByJSONName(t, key)
			if !ok {
				w.unknown = append(w.unknown, ptr+"/"+escapePointer(key))
				continue
			}
			w.walk(obj[key], f.Type, ptr+"/"+key)
		}
	case reflect.Slice:
		arr, ok := v.([]any)
		if !ok {
			w.problems.Add(ptr, "Skal være en liste.")
			return
		}
		for i, el := range arr {
			w.walk(el, t.Elem(), ptr+"/"+strconv.Itoa(i))
		}
	case reflect.String:
		if _, ok := v.(string); !ok {
			w.problems.Add(ptr, "Skal være en tekst.")
		}
	case reflect.Bool:
		if _, ok := v.(bool); !ok {
			w.problems.Add(ptr, "Skal være true eller false.")
		}
	case reflect.Int, reflect.Int64:
		n, ok := v.(json.Number)
		if !ok {
			w.problems.Add(ptr, "Skal være et helt tal.")
			return
		}
		if _, err := strconv.ParseInt(n.String(), 10, t.Bits()); err != nil {
			w.problems.Add(ptr, "Skal være et helt tal uden decimaler.")
		}
	default:
		panic("api: request type has unsupported field kind " + t.Kind().String())
	}
}

// fieldByJSONName returns the field of struct type t whose json name is exactly name.
func fieldByJSONName(t reflect.Type, name string) (reflect.StructField, bool) {
	for i := range t.NumField() {
		f := t.Field(i)
		if n := jsonName(f); n != "" && n == name {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

// jsonName returns the name a struct field has in JSON ("" when it has none).
func jsonName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	if name == "-" || !f.IsExported() {
		return ""
	}
	if name == "" {
		return f.Name
	}
	return name
}

// escapePointer escapes one JSON pointer token (RFC 6901).
func escapePointer(token string) string {
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(token)
}

// addProblems adds to v the problems of err not already reported for the
// same pointer, so the first (most specific) message per field wins. Errors
// other than validation errors are returned.
func addProblems(v *domain.ValidationError, err error) error {
	if err == nil {
		return nil
	}
	var other *domain.ValidationError
	if !errors.As(err, &other) {
		return err
	}
	seen := make(map[string]bool, len(v.Problems))
	for _, p := range v.Problems {
		seen[p.Pointer] = true
	}
	for _, p := range other.Problems {
		if !seen[p.Pointer] {
			seen[p.Pointer] = true
			v.Add(p.Pointer, p.Detail)
		}
	}
	return nil
}

// ruledInput is a domain input with rules of its own.
type ruledInput[I any] interface {
	*I
	Normalize()
	Validate() error
}

// decodeInput decodes a create-style body into req and returns its
// normalised domain input. Shape problems and the domain's rules are
// reported together, every field once.
func decodeInput[I any, PI ruledInput[I]](s *Server, c echo.Context, req interface{ input() I }) (I, error) {
	problems, _, err := s.decodeBody(c, req, false)
	if err != nil {
		return *new(I), err
	}
	in := req.input()
	PI(&in).Normalize()
	if err := addProblems(problems, PI(&in).Validate()); err != nil {
		return in, err
	}
	return in, problems.Err()
}
