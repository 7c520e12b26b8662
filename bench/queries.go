package bench

import (
	"math/rand/v2"
	"strings"
)

// Queries are the fixed query lists of one seed.
type Queries struct {
	// Normal holds 200 realistic queries of one to four words: topic words,
	// compounds, compounds split in two, misspellings, æ/ø/å typed as
	// ae/oe/aa, and common words.
	Normal []string
	// Pathological holds very common words, long queries and queries full
	// of misspelled long words (fuzzy expansion).
	Pathological []string
}

// How the 200 normal queries are made up.
var normalMix = []struct {
	kind  string
	count int
}{
	{"noun", 40}, {"compound", 30}, {"pair", 35}, {"phrase", 20},
	{"split", 25}, {"typo", 25}, {"ascii", 15}, {"common", 10},
}

// NewQueries returns the query lists of seed; they use the corpus
// vocabulary but not the corpus itself.
func NewQueries(seed uint64, towns []string) Queries {
	r := rand.New(rand.NewPCG(seed, 0x9e7))
	w := newWriter(r, towns)
	g := queryGen{r: r, w: w}
	var q Queries
	for _, m := range normalMix {
		for i := 0; i < m.count; i++ {
			q.Normal = append(q.Normal, g.normal(m.kind))
		}
	}
	for i := 0; i < 8; i++ {
		q.Pathological = append(q.Pathological, g.common(3+r.IntN(4)))
	}
	for i := 0; i < 8; i++ {
		q.Pathological = append(q.Pathological, g.long(25+r.IntN(8)))
	}
	for i := 0; i < 9; i++ {
		q.Pathological = append(q.Pathological, g.fuzzy(4+r.IntN(5)))
	}
	return q
}

type queryGen struct {
	r *rand.Rand
	w *writer
}

func (g queryGen) topic() topic {
	return topic{v: areas[areaOrder[g.r.IntN(len(areaOrder))]]}
}

// areaOrder fixes the order areas are drawn in (map order is random).
var areaOrder = []string{
	"administration", "beskaeftigelse", "boern-og-unge", "dagtilbud", "skole",
	"aeldre-og-sundhed", "socialomraadet-voksne", "handicap", "teknik-og-miljoe",
	"kultur-og-fritid", "digitalisering", "indkoeb", "ejendomme-og-energi", "transport-og-koersel",
}

func (g queryGen) normal(kind string) string {
	t := g.topic()
	w := g.w
	switch kind {
	case "noun":
		return w.form(t.v.nouns[w.idx(len(t.v.nouns))], "")
	case "compound":
		return w.form(w.compound(t), "")
	case "pair":
		if g.r.IntN(2) == 0 {
			return w.slot(t, "A") + " " + w.slot(t, "N")
		}
		return w.slot(t, "N") + " " + w.slot(t, "N")
	case "phrase":
		return strings.ToLower(w.fill(t, [...]string{"{A} {Np} i {Ns}", "{Cs} {P} {Np}", "{V} {A} {C}", "færre {Np} {P} {Cs}"}[g.r.IntN(4)]))
	case "split":
		mod := t.v.mods[w.idx(len(t.v.mods))]
		head := t.v.heads[w.idx(len(t.v.heads))]
		return strings.TrimSuffix(mod, "s") + " " + w.form(head, "")
	case "typo":
		return g.typo(w.form(w.noun(t), ""))
	case "ascii":
		return asciiDanish(g.danishWord(t))
	}
	return g.common(1 + g.r.IntN(2))
}

// danishWord returns a topic word that has æ, ø or å in it.
func (g queryGen) danishWord(t topic) string {
	for i := 0; i < 50; i++ {
		s := g.w.form(g.w.noun(t), "")
		if strings.ContainsAny(s, "æøå") {
			return s
		}
	}
	return "ældrepleje"
}

// common returns n of the most frequent content and function words.
func (g queryGen) common(n int) string {
	words := make([]string, n)
	for i := range words {
		if g.r.IntN(2) == 0 {
			words[i] = functionWords[g.r.IntN(12)]
		} else {
			words[i] = g.w.form(generalNouns[g.r.IntN(4)], "")
		}
	}
	return strings.Join(words, " ")
}

// long returns a query of about n words of description text.
func (g queryGen) long(n int) string {
	t := g.topic()
	var words []string
	for len(words) < n {
		words = append(words, strings.Fields(strings.ToLower(g.w.fill(t, sentences[g.r.IntN(len(sentences))])))...)
	}
	return strings.Trim(strings.Join(words[:n], " "), ".,")
}

// fuzzy returns n long misspelled words.
func (g queryGen) fuzzy(n int) string {
	t := g.topic()
	words := make([]string, n)
	for i := range words {
		words[i] = g.typo(g.typo(g.w.form(g.w.compound(t), "")))
	}
	return strings.Join(words, " ")
}

// typo drops, doubles, swaps or replaces one letter of a word of five or
// more letters.
func (g queryGen) typo(s string) string {
	rs := []rune(s)
	if len(rs) < 5 {
		return s
	}
	i := 1 + g.r.IntN(len(rs)-2)
	switch g.r.IntN(4) {
	case 0:
		return string(append(rs[:i:i], rs[i+1:]...))
	case 1:
		return string(rs[:i+1]) + string(rs[i:])
	case 2:
		rs[i], rs[i+1] = rs[i+1], rs[i]
		return string(rs)
	}
	rs[i] = []rune("aeiouyrstnl")[g.r.IntN(11)]
	return string(rs)
}

// asciiDanish writes æ, ø and å as a keyboard without them would.
func asciiDanish(s string) string {
	return strings.NewReplacer("æ", "ae", "ø", "oe", "å", "aa").Replace(s)
}
