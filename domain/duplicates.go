package domain

import (
	"context"
	"math"
	"sort"
	"strings"
	"unicode"
)

// Duplicate detection compares a proposal with the other proposals of its
// policy area (of any budget year) on their words: a title overlap (Jaccard
// on the sets of normalised words) and a content similarity (cosine on word
// counts of title, summary and description, with title words weighted up).

// Tuning of duplicate detection.
const (
	// MaxDuplicates is the most candidates DuplicatesOf returns.
	MaxDuplicates = 10
	// MinDuplicateScore is the lowest score still shown as a candidate.
	MinDuplicateScore = 0.2
	titleWeight       = 3
	summaryWeight     = 2
)

// DuplicateStore supplies duplicate candidates.
type DuplicateStore interface {
	// DuplicateCandidates returns the proposals, other than pr, that are not
	// deleted or merged and share pr's policy area, of any budget year.
	DuplicateCandidates(ctx context.Context, pr *Proposal) ([]*Proposal, error)
}

// DuplicateCandidate is a proposal that may describe the same measure as
// another, with a score between 0 and 1 (higher is more alike).
type DuplicateCandidate struct {
	Proposal          *Proposal
	Score             float64
	TitleSimilarity   float64
	ContentSimilarity float64
}

// DuplicatesOf returns candidate duplicates of proposal id, best first. It
// is an editor tool.
func (s *Service) DuplicatesOf(ctx context.Context, p Principal, id string) ([]DuplicateCandidate, error) {
	if !p.IsEditor() {
		return nil, ErrForbidden
	}
	pr, err := s.GetProposal(ctx, p, id)
	if err != nil {
		return nil, err
	}
	candidates, err := s.Curation.DuplicateCandidates(ctx, pr)
	if err != nil {
		return nil, err
	}
	return RankDuplicates(pr, candidates, MaxDuplicates), nil
}

// RankDuplicates scores candidates against pr and returns up to limit of
// those scoring at least MinDuplicateScore, best first (ties by ID).
func RankDuplicates(pr *Proposal, candidates []*Proposal, limit int) []DuplicateCandidate {
	base := newWordProfile(pr)
	out := []DuplicateCandidate{}
	for _, c := range candidates {
		if c.ID == pr.ID {
			continue
		}
		other := newWordProfile(c)
		title := jaccard(base.title, other.title)
		content := cosine(base.counts, other.counts)
		score := math.Round((0.5*title+0.5*content)*1000) / 1000
		if score < MinDuplicateScore {
			continue
		}
		out = append(out, DuplicateCandidate{Proposal: c, Score: score,
			TitleSimilarity: math.Round(title*1000) / 1000, ContentSimilarity: math.Round(content*1000) / 1000})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return out[i].Proposal.ID < out[j].Proposal.ID
	})
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}

// wordProfile is the words of one proposal.
type wordProfile struct {
	title  map[string]bool
	counts map[string]float64
}

func newWordProfile(p *Proposal) wordProfile {
	w := wordProfile{title: map[string]bool{}, counts: map[string]float64{}}
	for _, t := range NormalizedWords(p.Title) {
		w.title[t] = true
		w.counts[t] += titleWeight
	}
	for _, t := range NormalizedWords(p.Summary) {
		w.counts[t] += summaryWeight
	}
	for _, t := range NormalizedWords(p.Description) {
		w.counts[t]++
	}
	return w
}

func jaccard(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	inter := 0
	for t := range a {
		if b[t] {
			inter++
		}
	}
	return float64(inter) / float64(len(a)+len(b)-inter)
}

func cosine(a, b map[string]float64) float64 {
	var dot, na, nb float64
	for t, x := range a {
		na += x * x
		dot += x * b[t]
	}
	for _, y := range b {
		nb += y * y
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return dot / math.Sqrt(na*nb)
}

// NormalizedWords splits Danish text into lower-case words without stop
// words, with common inflection endings removed ("borgerne" → "borg",
// "borgere" → "borg"), so that forms of one word compare equal.
func NormalizedWords(text string) []string {
	fields := strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
	out := fields[:0]
	for _, f := range fields {
		if danishStopWords[f] {
			continue
		}
		out = append(out, stemDanish(f))
	}
	return out
}

// danishSuffixes are removed, longest first, while at least three letters remain.
var danishSuffixes = []string{"erne", "ende", "ere", "ene", "ets", "ens", "er", "en", "et", "e", "s"}

func stemDanish(w string) string {
	r := []rune(w)
	for _, suf := range danishSuffixes {
		s := []rune(suf)
		if len(r)-len(s) >= 3 && string(r[len(r)-len(s):]) == suf {
			return string(r[:len(r)-len(s)])
		}
	}
	return w
}

// danishStopWords are frequent words that say nothing about a measure.
var danishStopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`af alle at blev bliver da de dem den denne der deres det dette
		dig din dog du efter eller en end er et for fra får går ham han har havde hende her hos
		hun hvad hvis hvor i ikke ind jeg jer kan kun kunne man mange med meget men mere mig min
		mod ned noget nogle nu når og også om op os over på sig sin skal skulle som så til ud
		under var vi vil ville være været ved the`) {
		m[w] = true
	}
	return m
}()
