package frontend

import (
	"fmt"
	"html/template"
	"strings"
	"unicode/utf8"
)

// barChart is a horizontal bar chart drawn as inline SVG on the server. It
// is an image with a title and a description for screen readers; every page
// that shows one also shows the figures as a table.
type barChart struct {
	ID    string // unique on the page; used for the title and description IDs
	Title string
	Desc  string
	Bars  []bar
}

// bar is one labelled value.
type bar struct {
	Label string
	Value int64
	Text  string // the value as shown, e.g. "1.234.567 kr."
}

// Geometry of the chart, in SVG user units (scaled to the page width).
// Each row has its label above its bar, so that a phone shows the chart
// at a readable size.
const (
	chartWidth   = 420
	chartValueW  = 160 // room right of the longest bar for its value
	chartRowH    = 42
	chartBarH    = 14
	chartMaxRune = 55
)

// SVG renders the chart. Every text is escaped.
func (ch barChart) SVG() template.HTML {
	var top int64
	for _, b := range ch.Bars {
		top = max(top, b.Value)
	}
	h := len(ch.Bars)*chartRowH + 4
	var sb strings.Builder
	esc := template.HTMLEscapeString
	fmt.Fprintf(&sb, `<svg class="chart" viewBox="0 0 %d %d" role="img" aria-labelledby="%s-t %s-d" xmlns="http://www.w3.org/2000/svg">`,
		chartWidth, h, esc(ch.ID), esc(ch.ID))
	fmt.Fprintf(&sb, `<title id="%s-t">%s</title><desc id="%s-d">%s</desc>`, esc(ch.ID), esc(ch.Title), esc(ch.ID), esc(ch.Desc))
	barArea := chartWidth - chartValueW
	for i, b := range ch.Bars {
		y := i * chartRowH
		w := 0
		if top > 0 && b.Value > 0 {
			w = max(int(b.Value*int64(barArea)/top), 2)
		}
		fmt.Fprintf(&sb, `<text x="0" y="%d" class="chart-label">%s</text>`, y+14, esc(shorten(b.Label, chartMaxRune)))
		fmt.Fprintf(&sb, `<rect x="0" y="%d" width="%d" height="%d" class="chart-bar"></rect>`, y+20, w, chartBarH)
		fmt.Fprintf(&sb, `<text x="%d" y="%d" class="chart-value">%s</text>`, w+6, y+20+chartBarH-2, esc(b.Text))
	}
	sb.WriteString(`</svg>`)
	return template.HTML(sb.String())
}

// shorten cuts s to n characters with an ellipsis.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
