package search

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// Limits that keep any query text cheap: q is plain user text, and nothing
// in it reaches bleve's query-string parser.
const (
	maxWords   = 32 // words of q that are searched
	maxWordLen = 40 // longer "words" are dropped
	maxPhrases = 4
	maxPhrase  = 12 // words per quoted phrase
	maxJoin    = 3  // query words that may be joined into one compound
	maxLoose   = 4  // words searched when no proposal holds all of them
)

// Relative weights of the ways a query word can match.
const (
	boostFolded   = 0.9 // æ/ø/å typed as ae/oe/aa, a or o
	boostFuzzy    = 0.3 // a typo
	boostSplit    = 0.5 // the parts of a compound query word
	boostJoined   = 1.5 // query words written together as in the index
	boostSynonym  = 0.6
	boostRef      = 50
	boostPhrase   = 3
	rareDocs      = 1  // a word in at most this many proposals is also fuzzed
	minFuzzyLen   = 5  // words shorter than this are never fuzzed
	minFuzzy2Len  = 8  // words this long may have two typos
	maxNeighbours = 12 // indexed words tried for one typo
	// commonCompound is how many proposals must hold a compound before its
	// parts written apart stop being searched: then they add little but
	// long posting lists.
	commonCompound = 20
)

var (
	phraseRE = regexp.MustCompile(`"([^"]*)"`)
	refRE    = regexp.MustCompile(`(?i)\bib-\d{4}-\d{4}\b`)
)

// planner turns query text into a bleve query over one generation, looking
// terms up in one reader of the index.
type planner struct {
	ctx    context.Context
	g      *generation
	syn    *synonyms
	reader index.IndexReader
	df     map[string]int  // docFreq cache
	freq   map[string]int  // how many proposals hold each planned query word
	folded map[string]bool // terms searched in the folded twins
	marks  map[string]bool // field + "\x00" + term of the terms highlights mark
}

// newPlanner returns a planner; close it after use.
func (g *generation) newPlanner(ctx context.Context, syn *synonyms) (*planner, error) {
	adv, err := g.idx.Advanced()
	if err != nil {
		return nil, fmt.Errorf("search: index reader: %w", err)
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, fmt.Errorf("search: index reader: %w", err)
	}
	return &planner{ctx: ctx, g: g, syn: syn, reader: r, df: map[string]int{}, freq: map[string]int{}, folded: map[string]bool{}, marks: map[string]bool{}}, nil
}

func (p *planner) close() { p.reader.Close() }

// textPlan is the bleve query for a query text.
type textPlan struct {
	// query matches the proposals holding every searchable word (or a
	// synonym, compound part or typo of it); nil when the text has none.
	query query.Query
	// loose matches the proposals holding any of the words: the fallback
	// when query finds nothing; nil when it would be the same.
	loose     query.Query
	corrected string // the text with typos corrected, or ""
	// folded holds the terms searched in the folded twins: highlighting
	// marks them in a description, whose twin keeps no match locations.
	folded map[string]bool
	// marks are the query's terms in the highlighted fields that keep
	// match locations: all the highlight search needs to look up.
	marks []query.Query
}

// planText turns plain user text into a query over the text fields.
// Requiring every word keeps the matches, and with them the cost of
// scoring and counting facets, to what the rarest word allows.
func (p *planner) planText(text string) textPlan {
	var phrases, refs, words, bonus []query.Query
	var freqs []int // how many proposals hold each of words
	var prefix []string
	for _, m := range phraseRE.FindAllStringSubmatch(text, maxPhrases) {
		if ws := capWords(p.g.az.wordsOf(m[1]), maxPhrase); len(ws) > 0 {
			for _, w := range ws {
				if t := term(p.g.az.exact, w); t != "" {
					p.mark(t, fTitle)
					p.mark(t, fDescription)
				}
			}
			phrases = append(phrases, p.phraseQuery(ws))
			prefix = append(prefix, `"`+strings.Join(ws, " ")+`"`)
		}
	}
	text = phraseRE.ReplaceAllString(text, " ")
	for _, ref := range refRE.FindAllString(text, maxPhrases) {
		t := query.NewTermQuery(strings.ToUpper(ref))
		t.SetField(fRef)
		t.SetBoost(boostRef)
		refs = append(refs, t)
		prefix = append(prefix, strings.ToUpper(ref))
	}
	text = refRE.ReplaceAllString(text, " ")

	ws := capWords(p.g.az.wordsOf(text), maxWords)
	corrected, changed := make([]string, len(ws)), false
	for i := 0; i < len(ws); {
		alts, n := p.syn.match(ws[i:])
		if n == 0 {
			n = 1
		}
		var own []query.Query
		df := 0
		for j := i; j < i+n; j++ {
			q, fix := p.wordQuery(ws[j], true)
			corrected[j] = ws[j]
			if fix != "" {
				corrected[j], changed = fix, true
			}
			if q != nil {
				own = append(own, q)
				df = max(df, p.freq[ws[j]])
			}
		}
		if len(own) > 0 || len(alts) > 0 {
			words = append(words, p.withSynonyms(own, alts))
			freqs = append(freqs, df)
		}
		i += n
	}
	for i := range ws {
		for n := 2; n <= maxJoin && i+n <= len(ws); n++ {
			if j, ok := p.joined(ws[i : i+n]); ok {
				if q, _ := p.wordQuery(j, false); q != nil {
					bonus = append(bonus, boosted(q, boostJoined))
				}
			}
		}
	}
	plan := textPlan{folded: p.folded}
	for key := range p.marks {
		field, t, _ := strings.Cut(key, "\x00")
		plan.marks = append(plan.marks, termQuery(t, field, 1))
	}
	if changed {
		plan.corrected = strings.Join(append(prefix, corrected...), " ")
	}
	// A word that matches nothing, not even as a typo, is left out rather
	// than making the whole text match nothing.
	var required []query.Query
	for _, w := range words {
		if _, none := w.(*query.MatchNoneQuery); !none {
			required = append(required, w)
		}
	}
	plan.query = anyOf(refs, allOf(append(phrases, required...), bonus))
	if len(words) > 1 || len(required) < len(words) {
		plan.loose = anyOf(refs, allOf(phrases, append(rarest(words, freqs, maxLoose), bonus...)))
	}
	return plan
}

// rarest returns the at most n of qs held by the fewest proposals (freqs
// parallel to qs): the words that say most about what is sought, and the
// shortest posting lists when any of them will do.
func rarest(qs []query.Query, freqs []int, n int) []query.Query {
	if len(qs) <= n {
		return qs
	}
	order := make([]int, len(qs))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return freqs[a] - freqs[b] })
	out := make([]query.Query, n)
	for i, k := range order[:n] {
		out[i] = qs[k]
	}
	return out
}

// allOf matches every query of must, scored higher for each of should
// that matches too; with no must, any of should. nil when both are empty.
func allOf(must, should []query.Query) query.Query {
	switch {
	case len(must) == 0 && len(should) == 0:
		return nil
	case len(must) == 0:
		return query.NewDisjunctionQuery(should)
	case len(should) == 0:
		return conjunction(must)
	}
	return query.NewBooleanQuery(must, should, nil)
}

// anyOf matches a reference or q; nil when both are empty.
func anyOf(refs []query.Query, q query.Query) query.Query {
	if len(refs) == 0 {
		return q
	}
	if q != nil {
		refs = append(refs, q)
	}
	return query.NewDisjunctionQuery(refs)
}

// capWords drops giant tokens and keeps at most n words.
func capWords(words []string, n int) []string {
	out := words[:0]
	for _, w := range words {
		if utf8.RuneCountInString(w) <= maxWordLen {
			out = append(out, w)
		}
		if len(out) == n {
			break
		}
	}
	return out
}

// withSynonyms matches either the query's own words (all of them) or one
// of their synonyms, the synonyms weighted a little lower.
func (p *planner) withSynonyms(own []query.Query, alts [][]string) query.Query {
	var opts []query.Query
	if len(own) > 0 {
		opts = append(opts, conjunction(own))
	}
	for _, alt := range alts {
		var parts []query.Query
		for _, w := range alt {
			if q, _ := p.wordQuery(w, false); q != nil {
				parts = append(parts, q)
			}
		}
		if len(parts) > 0 {
			opts = append(opts, boosted(conjunction(parts), boostSynonym))
		}
	}
	if len(opts) == 1 {
		return opts[0]
	}
	return query.NewDisjunctionQuery(opts)
}

// wordQuery matches one query word in every text field: its stem exactly,
// its folded stem when it may be typed without æ/ø/å, the parts of a
// compound, and, when full and the index lacks the word or has it in at
// most rareDocs proposals, its near neighbours (typos), weighted below the
// exact word. fix is the correction of a word the index lacks, or "".
func (p *planner) wordQuery(w string, full bool) (q query.Query, fix string) {
	exact := term(p.g.az.exact, w)
	if exact == "" {
		return nil, ""
	}
	folded := term(p.g.az.folded, w)
	df := max(p.docFreq(exact, ""), p.docFreq(folded, foldSuffix))
	p.freq[w] = df
	clauses := p.termClauses(exact, "", 1)
	if p.g.lex.hasVariant(w) || df == 0 {
		clauses = append(clauses, p.termClauses(folded, foldSuffix, boostFolded)...)
	}
	if parts := p.g.lex.parts(w); len(parts) > 1 && df < commonCompound {
		var pq []query.Query
		for _, part := range parts {
			if q, _ := p.wordQuery(part, false); q != nil {
				pq = append(pq, q)
			}
		}
		if len(pq) > 1 {
			clauses = append(clauses, boosted(conjunction(pq), boostSplit))
		}
	}
	if full && df <= rareDocs {
		clauses, fix = p.typoClauses(w, df, clauses)
	}
	if len(clauses) == 0 {
		return query.NewMatchNoneQuery(), fix
	}
	return query.NewDisjunctionQuery(clauses), fix
}

// typoClauses adds to clauses the indexed words within the allowed edit
// distance of w (by its length), matched by their folded stems and weighted
// below an exact match. fix is the nearest one when the index lacks w.
func (p *planner) typoClauses(w string, df int, clauses []query.Query) ([]query.Query, string) {
	dist := fuzziness(utf8.RuneCountInString(w))
	if dist == 0 {
		return clauses, ""
	}
	own := term(p.g.az.folded, w)
	seen := map[string]bool{own: true}
	var fix string
	for i, n := range p.g.lex.neighbours(w, dist, maxNeighbours) {
		if i == 0 && df == 0 {
			fix = n
		}
		f := term(p.g.az.folded, n)
		if f == "" || seen[f] {
			continue
		}
		seen[f] = true
		clauses = append(clauses, p.termClauses(f, foldSuffix, boostFuzzy)...)
	}
	return clauses, fix
}

// fuzziness is the edit distance allowed for a word of n characters.
func fuzziness(n int) int {
	switch {
	case n >= minFuzzy2Len:
		return 2
	case n >= minFuzzyLen:
		return 1
	}
	return 0
}

// joined returns the indexed word that words form when written together,
// each joint direct or with a linking s or e, as "hjemmepleje ruter" →
// "hjemmeplejeruter" and "skole bus kørsel" → "skolebuskørsel".
func (p *planner) joined(words []string) (string, bool) {
	for _, w := range words {
		if term(p.g.az.exact, w) == "" {
			return "", false
		}
	}
	cands := []string{words[0]}
	for _, w := range words[1:] {
		next := make([]string, 0, 3*len(cands))
		for _, c := range cands {
			for _, link := range []string{"", "s", "e"} {
				next = append(next, c+link+w)
			}
		}
		cands = next
	}
	for _, c := range cands {
		if n, _ := p.g.lex.count(c); n > 0 {
			return c, true
		}
	}
	for _, c := range cands {
		if s, ok := p.g.lex.surface(foldDanish(c)); ok {
			return s, true
		}
	}
	return "", false
}

// termClauses matches t in each text field (with suffix: its folded twin)
// that holds it, weighted by the field's weight times boost. Fields without
// t get no clause: a disjunction scales its score by the share of clauses
// that match, so a clause that cannot match would only dilute the others.
func (p *planner) termClauses(t, suffix string, boost float64) []query.Query {
	var out []query.Query
	for _, f := range textFields {
		if p.fieldFreq(t, f.name+suffix) > 0 {
			out = append(out, termQuery(t, f.name+suffix, f.weight*boost))
			p.mark(t, f.name+suffix)
		}
	}
	if suffix == foldSuffix && len(out) > 0 {
		p.folded[t] = true
	}
	return out
}

// mark notes t for the highlight search if field is highlighted from its
// match locations.
func (p *planner) mark(t, field string) {
	switch field {
	case fTitle, fTitle + foldSuffix, fDescription:
		p.marks[field+"\x00"+t] = true
	}
}

// docFreq returns how many proposals hold t in the text field (with suffix:
// its folded twin) where it is most common.
func (p *planner) docFreq(t, suffix string) int {
	n := 0
	for _, f := range textFields {
		n = max(n, p.fieldFreq(t, f.name+suffix))
	}
	return n
}

// fieldFreq returns how many proposals hold t in field.
func (p *planner) fieldFreq(t, field string) int {
	key := field + "\x00" + t
	if c, ok := p.df[key]; ok {
		return c
	}
	c := 0
	if r, err := p.reader.TermFieldReader(p.ctx, []byte(t), field, false, false, false); err == nil {
		c = int(r.Count())
		r.Close()
	}
	p.df[key] = c
	return c
}

// phraseQuery matches words in this order in a title, summary, tag or
// description, or written together as one indexed compound.
func (p *planner) phraseQuery(words []string) query.Query {
	var qs []query.Query
	for _, f := range []string{fTitle, fSummary, fTags, fDescription} {
		q := query.NewMatchPhraseQuery(strings.Join(words, " "))
		q.SetField(f)
		q.SetBoost(boostPhrase)
		qs = append(qs, q)
	}
	if len(words) > 1 && len(words) <= maxJoin {
		if j, ok := p.joined(words); ok {
			if q, _ := p.wordQuery(j, false); q != nil {
				qs = append(qs, boosted(q, boostPhrase))
			}
		}
	}
	return query.NewDisjunctionQuery(qs)
}

func termQuery(t, field string, boost float64) query.Query {
	q := query.NewTermQuery(t)
	q.SetField(field)
	q.SetBoost(boost)
	return q
}

func conjunction(qs []query.Query) query.Query {
	if len(qs) == 1 {
		return qs[0]
	}
	return query.NewConjunctionQuery(qs)
}

// boosted sets the boost of q (disjunctions and conjunctions) and returns it.
func boosted(q query.Query, b float64) query.Query {
	if bq, ok := q.(query.BoostableQuery); ok {
		bq.SetBoost(b)
	}
	return q
}
