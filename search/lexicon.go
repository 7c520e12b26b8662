package search

import (
	"sort"
	"sync"
)

// lexicon is the vocabulary of the indexed proposals (plus a curated list of
// municipal words): the dictionary that compound splitting, query-side word
// joining and typo correction look words up in. It only grows; words of
// deleted proposals linger until the next rebuild, which is harmless.
type lexicon struct {
	az analyzers

	mu    sync.RWMutex
	words map[string]int      // surface word → number of proposals using it (0: curated only)
	stems map[string]bool     // exact stems of every word
	folds map[string]string   // folded word → most used surface word
	byLen map[int][][]rune    // folded words by length in characters, for typo look-ups
	split map[string][]string // memoised splits; reset when words are added
}

func newLexicon(az analyzers, curated []string) *lexicon {
	l := &lexicon{az: az, words: map[string]int{}, stems: map[string]bool{}, folds: map[string]string{},
		byLen: map[int][][]rune{}, split: map[string][]string{}}
	for _, w := range curated {
		l.addLocked(w, 0)
	}
	return l
}

// add counts each word of a proposal once.
func (l *lexicon) add(counts map[string]int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for w, n := range counts {
		l.addLocked(w, n)
	}
	clear(l.split)
}

func (l *lexicon) addLocked(w string, n int) {
	if old, ok := l.words[w]; ok {
		l.words[w] = old + n
	} else {
		l.words[w] = n
		if s := term(l.az.exact, w); s != "" {
			l.stems[s] = true
		}
	}
	f := foldDanish(w)
	best, ok := l.folds[f]
	if !ok {
		r := []rune(f)
		l.byLen[len(r)] = append(l.byLen[len(r)], r)
	}
	if !ok || l.words[w] > l.words[best] {
		l.folds[f] = w
	}
}

// count returns how many proposals use word, and whether it is known at all
// (curated words are known with count 0).
func (l *lexicon) count(w string) (int, bool) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	n, ok := l.words[w]
	return n, ok
}

// surface returns the most used indexed word whose folded form is folded.
func (l *lexicon) surface(folded string) (string, bool) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	w, ok := l.folds[folded]
	if !ok || l.words[w] == 0 {
		return "", false
	}
	return w, true
}

// hasVariant reports whether some indexed word other than w folds like w,
// i.e. whether w may be a Danish word typed without æ, ø or å.
func (l *lexicon) hasVariant(w string) bool {
	f := foldDanish(w)
	if f != w {
		return true
	}
	s, ok := l.surface(f)
	return ok && s != w
}

// neighbours returns up to limit indexed words whose folded form is within
// maxDist edits of w's, nearest first, then most used: the candidates
// for a typo. The first is the correction of w.
func (l *lexicon) neighbours(w string, maxDist, limit int) []string {
	fw := []rune(foldDanish(w))
	type cand struct {
		word       string
		dist, uses int
	}
	var cs []cand
	rows := make([]int, 2*(len(fw)+maxDist+1))
	l.mu.RLock()
	for n := max(1, len(fw)-maxDist); n <= len(fw)+maxDist; n++ {
		for _, f := range l.byLen[n] {
			d := editDistance(fw, f, maxDist, rows)
			if d == 0 || d > maxDist {
				continue
			}
			word := l.folds[string(f)]
			if uses := l.words[word]; uses > 0 {
				cs = append(cs, cand{word, d, uses})
			}
		}
	}
	l.mu.RUnlock()
	sort.Slice(cs, func(i, j int) bool {
		a, b := cs[i], cs[j]
		if a.dist != b.dist {
			return a.dist < b.dist
		}
		if a.uses != b.uses {
			return a.uses > b.uses
		}
		return a.word < b.word
	})
	out := make([]string, 0, min(limit, len(cs)))
	for _, c := range cs[:min(limit, len(cs))] {
		out = append(out, c.word)
	}
	return out
}

// editDistance is the Levenshtein distance of a and b, or max+1 once it
// exceeds max. rows is scratch space of at least 2*(len(b)+1) ints.
func editDistance(a, b []rune, max int, rows []int) int {
	prev, cur := rows[:len(b)+1], rows[len(b)+1:2*(len(b)+1)]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > max {
			return max + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
