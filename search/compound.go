package search

import (
	_ "embed"
	"strings"
	"unicode/utf8"
)

// Limits of compound splitting, in characters.
const (
	minPart     = 3 // shortest part
	minCompound = 2*minPart + 1
	maxParts    = 4
)

//go:embed compounds.txt
var curatedWords string

// curatedList returns the curated municipal words, one a line, # comments.
func curatedList() []string {
	var out []string
	for _, line := range strings.Split(curatedWords, "\n") {
		line = strings.ToLower(strings.TrimSpace(line))
		if line != "" && !strings.HasPrefix(line, "#") {
			out = append(out, line)
		}
	}
	return out
}

// parts splits a compound into known words that together cover all of it,
// trying the longest head first and allowing a linking "s" or "e" between
// parts (and a dropped final e before a linking s, as in arbejd(e)s-gang).
// A head must be a known word; the last part may also be an inflected form
// of one (same stem). It returns nil when w is no compound of known words.
func (l *lexicon) parts(w string) []string {
	if utf8.RuneCountInString(w) < minCompound {
		return nil
	}
	l.mu.RLock()
	p, ok := l.split[w]
	l.mu.RUnlock()
	if ok {
		return p
	}
	l.mu.RLock()
	p = l.splitLocked([]rune(w), maxParts)
	l.mu.RUnlock()
	l.mu.Lock()
	l.split[w] = p
	l.mu.Unlock()
	return p
}

// expand returns the parts of w and, one level down, the parts of its
// parts: "hjemmeplejeruter" → hjemmepleje, ruter, hjemme, pleje.
func (l *lexicon) expand(w string) []string {
	ps := l.parts(w)
	out := append([]string(nil), ps...)
	for _, p := range ps {
		out = append(out, l.parts(p)...)
	}
	return out
}

func (l *lexicon) splitLocked(w []rune, budget int) []string {
	if budget < 2 {
		return nil
	}
	for i := len(w) - minPart; i >= minPart; i-- {
		head := string(w[:i])
		for _, c := range l.linkings(head, w[i:]) {
			rest := w[i+c.skip:]
			if len(rest) < minPart {
				continue
			}
			if l.isTail(string(rest)) {
				return []string{c.head, string(rest)}
			}
			if sub := l.splitLocked(rest, budget-1); sub != nil {
				return append([]string{c.head}, sub...)
			}
		}
	}
	return nil
}

type linking struct {
	head string // the head as a dictionary word
	skip int    // linking letters to skip after the head
}

// linkings lists the ways head can end a compound's first part before rest.
func (l *lexicon) linkings(head string, rest []rune) []linking {
	var out []linking
	if l.isHead(head) {
		out = append(out, linking{head, 0})
		if rest[0] == 's' || rest[0] == 'e' {
			out = append(out, linking{head, 1})
		}
	}
	if rest[0] == 's' && l.isHead(head+"e") {
		out = append(out, linking{head + "e", 1})
	}
	return out
}

func (l *lexicon) isHead(w string) bool {
	_, ok := l.words[w]
	return ok && term(l.az.exact, w) != ""
}

func (l *lexicon) isTail(w string) bool {
	if _, ok := l.words[w]; ok {
		return term(l.az.exact, w) != ""
	}
	if utf8.RuneCountInString(w) <= minPart {
		return false
	}
	s := term(l.az.exact, w)
	return s != "" && l.stems[s]
}
