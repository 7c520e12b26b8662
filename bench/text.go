package bench

import (
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// zipfExponent shapes every word list: the first words are very common and
// the rest form a long tail, as in real prose.
const zipfExponent = 1.07

// zipf picks list indexes with Zipf-like frequencies (rank r has weight
// 1/r^s); it is the cumulative weight table of one list length.
type zipf []float64

func newZipf(size int) zipf {
	z := make(zipf, size)
	sum := 0.0
	for i := range z {
		sum += 1 / math.Pow(float64(i+1), zipfExponent)
		z[i] = sum
	}
	for i := range z {
		z[i] /= sum
	}
	return z
}

func (z zipf) pick(r *rand.Rand) int {
	return min(sort.SearchFloat64s(z, r.Float64()), len(z)-1)
}

// writer writes Danish proposal text on one topic from a seeded source.
type writer struct {
	r     *rand.Rand
	zipfs map[int]zipf
	towns []string
}

func newWriter(r *rand.Rand, towns []string) *writer {
	return &writer{r: r, zipfs: map[int]zipf{}, towns: towns}
}

// idx picks an index of a list of size n with Zipf frequencies.
func (w *writer) idx(n int) int {
	z, ok := w.zipfs[n]
	if !ok {
		z = newZipf(n)
		w.zipfs[n] = z
	}
	return z.pick(w.r)
}

// topic is what one proposal is about: its area's vocabulary.
type topic struct{ v areaVocabulary }

// compound returns a compound noun of the topic, e.g. "hjemmeplejeruter":
// mostly an area modifier with an area head, sometimes with a general noun
// as head and rarely with two modifiers (the long tail).
func (w *writer) compound(t topic) noun {
	mod := t.v.mods[w.idx(len(t.v.mods))]
	var head noun
	switch x := w.r.IntN(10); {
	case x < 6:
		head = t.v.heads[w.idx(len(t.v.heads))]
	case x < 9:
		head = generalNouns[w.idx(len(generalNouns))]
	default:
		other := t.v.mods[w.r.IntN(len(t.v.mods))]
		head = t.v.heads[w.r.IntN(len(t.v.heads))]
		mod += other
	}
	return noun{sg: mod + head.sg, def: mod + head.def, pl: mod + head.pl, plDef: mod + head.plDef}
}

// noun returns a noun of the topic, a compound or a general noun.
func (w *writer) noun(t topic) noun {
	switch x := w.r.IntN(20); {
	case x < 7:
		return t.v.nouns[w.idx(len(t.v.nouns))]
	case x < 13:
		return w.compound(t)
	default:
		return generalNouns[w.idx(len(generalNouns))]
	}
}

// form returns the inflected form of nn asked for by code: N (any), Nd
// (definite), Np (plural), Npd (definite plural), Ns (singular).
func (w *writer) form(nn noun, code string) string {
	switch code {
	case "d":
		return nn.def
	case "p":
		return nn.pl
	case "pd":
		return nn.plDef
	case "s":
		return nn.sg
	}
	return [...]string{nn.sg, nn.sg, nn.def, nn.pl, nn.plDef}[w.r.IntN(5)]
}

// slot fills one template slot.
func (w *writer) slot(t topic, code string) string {
	switch {
	case strings.HasPrefix(code, "N"):
		return w.form(w.noun(t), code[1:])
	case strings.HasPrefix(code, "C"):
		return w.form(w.compound(t), code[1:])
	case code == "V":
		return verbs[w.idx(len(verbs))].pres
	case code == "Vi":
		return verbs[w.idx(len(verbs))].inf
	case code == "Vp":
		return verbs[w.idx(len(verbs))].part
	case code == "A":
		adj := adjectives[w.idx(len(adjectives))]
		return [...]string{adj.c, adj.n, adj.pl}[w.r.IntN(3)]
	case code == "F":
		return functionWords[w.idx(len(functionWords))]
	case code == "P":
		return prepositions[w.idx(len(prepositions))]
	case code == "M":
		return w.towns[w.r.IntN(len(w.towns))]
	case code == "X":
		return w.amount()
	case code == "Y":
		return fmt.Sprint(2012 + w.r.IntN(15))
	case code == "S":
		return [...]string{"kommunen", "forvaltningen", "vi", "projektet", "indsatsen", "løsningen", "afdelingen", "centret"}[w.idx(8)]
	}
	return code
}

// amount returns a money phrase such as "1,4 mio. kr." or "350.000 kr.".
func (w *writer) amount() string {
	if w.r.IntN(2) == 0 {
		return fmt.Sprintf("%d,%d mio. kr.", 1+w.r.IntN(20), w.r.IntN(10))
	}
	return fmt.Sprintf("%d.000 kr.", 10+w.r.IntN(990))
}

// sentences of the descriptions; {X} is a slot, other text is literal.
var sentences = []string{
	"{S} {V} {A} {N} {P} {Nd}.",
	"{S} har {Vp} {Np} {P} {C}, så {Nd} kan {Vi} {Np}.",
	"Med {A} {C} {V} {Nd} {Np} {P} {M}.",
	"Det giver en {A} {N} på {X} om året {P} {Cd}.",
	"{S} {V} {F} {C} og {V} {Nd} {P} {Npd}.",
	"Erfaringen fra {M} viser, at {Nd} {V} {F} {Np} {P} {Cd}.",
	"{C} {V} {Np} {P} {Nd} {F} {F} {Np}.",
	"I {Y} blev {Nd} {Vp} {P} {A} {C}.",
	"Der er {F} {A} {Np} {P} {Cpd}, og {Npd} {V} {Nd} {F} {A}.",
	"{Cd} skal {Vi} {A} {Np}, {F} {Nd} {V} {F} {N}.",
	"Investeringen i {C} er tjent hjem efter {Y}, og {Npd} {V} {Nd}.",
	"{S} {V} {Np} {P} {N} {P} {M} {F} {C}.",
	"Målet er at {Vi} {Nd} {P} {A} {Np} og {Vi} {Cd}.",
	"Tiltaget {V} {F} {Np}, {F} {Nd} {V} {A} {C} {P} {Npd}.",
}

// titles of proposals.
var titles = []string{
	"{A} {C} {P} {Nd}",
	"{C} og {A} {Np}",
	"Fælles {C} på tværs af {Np}",
	"{Nd} {V} {C}",
	"{A} {Cs} i {M}",
	"Færre {Np} gennem {A} {C}",
	"{C}: {A} {Ns} {P} {Cd}",
}

// fill renders a template, capitalising its first letter.
func (w *writer) fill(t topic, tmpl string) string {
	var b strings.Builder
	for len(tmpl) > 0 {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			b.WriteString(tmpl)
			break
		}
		b.WriteString(tmpl[:i])
		j := strings.IndexByte(tmpl[i:], '}') + i
		b.WriteString(w.slot(t, tmpl[i+1:j]))
		tmpl = tmpl[j+1:]
	}
	return capitalise(b.String())
}

func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// title returns a proposal title of 5–200 characters.
func (w *writer) title(t topic) string {
	return clip(w.fill(t, titles[w.r.IntN(len(titles))]), 200)
}

// summary returns one or two sentences of at most 600 characters.
func (w *writer) summary(t topic) string {
	s := w.fill(t, sentences[w.idx(len(sentences))])
	if w.r.IntN(2) == 0 {
		s += " " + w.fill(t, sentences[w.idx(len(sentences))])
	}
	return clip(s, 600)
}

// description returns paragraphs of about words words, at most maxChars characters.
func (w *writer) description(t topic, words, maxChars int) string {
	var b strings.Builder
	count, inPara := 0, 0
	paraLen := 3 + w.r.IntN(4)
	for count < words {
		s := w.fill(t, sentences[w.idx(len(sentences))])
		if b.Len()+len(s)+2 > maxChars {
			break
		}
		switch {
		case b.Len() == 0:
		case inPara == paraLen:
			b.WriteString("\n\n")
			inPara, paraLen = 0, 3+w.r.IntN(4)
		default:
			b.WriteByte(' ')
		}
		b.WriteString(s)
		inPara++
		count += strings.Count(s, " ") + 1
	}
	return b.String()
}

// clip cuts s to at most n characters.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}
