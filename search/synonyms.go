package search

import (
	_ "embed"
	"fmt"
	"strings"
)

//go:embed synonyms.txt
var synonymText string

// synonyms are groups of words and phrases that mean the same, applied at
// query time. Phrases are kept as lower-case words.
type synonyms struct {
	groups [][][]string // group → phrase → words
}

// loadSynonyms parses the embedded synonyms.txt.
func loadSynonyms() (*synonyms, error) {
	s := &synonyms{}
	for i, line := range strings.Split(synonymText, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var group [][]string
		for _, phrase := range strings.Split(line, ",") {
			words := strings.Fields(strings.ToLower(phrase))
			if len(words) > 0 {
				group = append(group, words)
			}
		}
		if len(group) < 2 {
			return nil, fmt.Errorf("search: synonyms.txt line %d: a group needs at least two entries", i+1)
		}
		s.groups = append(s.groups, group)
	}
	return s, nil
}

// match returns the synonyms of the longest phrase that starts words (as
// folded, lower-case words), from every group it is in, with how many
// words it covers; 0 if none.
func (s *synonyms) match(words []string) (alts [][]string, n int) {
	for _, g := range s.groups {
		for i, phrase := range g {
			if len(phrase) < n || len(phrase) > len(words) || !sameWords(phrase, words[:len(phrase)]) {
				continue
			}
			if len(phrase) > n {
				alts = alts[:0:0]
			}
			for j, other := range g {
				if j != i {
					alts = append(alts, other)
				}
			}
			n = len(phrase)
		}
	}
	return alts, n
}

func sameWords(a, b []string) bool {
	for i := range a {
		if foldDanish(a[i]) != foldDanish(b[i]) {
			return false
		}
	}
	return true
}
