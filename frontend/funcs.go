package frontend

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // dates are shown in Danish time on any host

	"github.com/idebank/idebank/domain"
)

// denmark is the time zone dates and times are shown in.
var denmark = mustLocation("Europe/Copenhagen")

// mustLocation loads a time zone from the embedded database.
func mustLocation(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// monthNames are the Danish month names.
var monthNames = [...]string{"januar", "februar", "marts", "april", "maj", "juni", "juli",
	"august", "september", "oktober", "november", "december"}

// funcs are the template functions. Formatting and labels come from domain,
// so the pages say exactly what the API and exports say.
func funcs() template.FuncMap {
	return template.FuncMap{
		"kr":           domain.FormatKroner,
		"perResident":  perResident,
		"policyArea":   func(v string) string { return domain.Label(domain.PolicyAreas, v) },
		"measureType":  func(v string) string { return domain.Label(domain.MeasureTypes, v) },
		"evidence":     func(v string) string { return domain.Label(domain.EvidenceLevels, v) },
		"status":       func(v domain.Status) string { return domain.Label(domain.StatusLabels, string(v)) },
		"date":         danishDate,
		"clock":        func(t time.Time) string { return t.In(denmark).Format("15.04") },
		"number":       func(n int64) string { return strings.TrimSuffix(domain.FormatKroner(n), " kr.") },
		"decimal":      decimal,
		"paragraphs":   paragraphs,
		"highlighted":  highlighted,
		"add":          func(a, b int) int { return a + b },
		"fieldID":      fieldID,
		"field":        field,
		"choice":       choice,
		"fieldLabel":   fieldLabel,
		"actionName":   actionName,
		"historyValue": historyValue,
		"percent":      func(f float64) string { return strconv.Itoa(int(f*100+0.5)) + " %" },
		"list":         func(s ...string) []string { return s },
		"actionLabel":  func(a string) string { return actionLabels[a] },
		"adoptionStatus": func(v domain.AdoptionStatus) string {
			return domain.Label(domain.AdoptionStatuses, string(v))
		},
	}
}

// perResident formats øre as "19,57 kr./indbygger".
func perResident(ore int64) string { return domain.FormatOre(ore) + " kr./indbygger" }

// danishDate formats t as "2. januar 2026"; a nil or zero time is "–".
func danishDate(t any) string {
	var tt time.Time
	switch v := t.(type) {
	case time.Time:
		tt = v
	case *time.Time:
		if v != nil {
			tt = *v
		}
	}
	if tt.IsZero() {
		return "–"
	}
	tt = tt.In(denmark)
	return fmt.Sprintf("%d. %s %d", tt.Day(), monthNames[tt.Month()-1], tt.Year())
}

// decimal formats f with two decimals and a decimal comma.
func decimal(f float64) string {
	return strings.Replace(strconv.FormatFloat(f, 'f', 2, 64), ".", ",", 1)
}

// paragraphs splits plain text into paragraphs at blank lines.
func paragraphs(text string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// highlighted marks a search highlight as safe HTML. The search index
// escapes the text and adds only <mark> elements; anything else is escaped
// again here, so a highlight can never inject markup.
func highlighted(fragment string) template.HTML {
	esc := template.HTMLEscapeString(fragment)
	for _, tag := range []string{"mark", "/mark"} {
		esc = strings.ReplaceAll(esc, "&lt;"+tag+"&gt;", "<"+tag+">")
	}
	// The fragment was escaped once by the index; undo our second pass of
	// its entities so that "&amp;" does not show as "&amp;amp;".
	esc = strings.ReplaceAll(esc, "&amp;", "&")
	return template.HTML(esc)
}
