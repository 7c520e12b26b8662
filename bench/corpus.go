package bench

import (
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
	"strings"
	"time"

	"github.com/idebank/idebank/domain"
)

// corpusEpoch is the "now" of the generated corpus, so that a seed always
// gives the same proposals.
var corpusEpoch = time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)

// Description lengths in words: log-normal around the median, clipped.
const (
	minDescWords    = 80
	maxDescWords    = 1500
	medianDescWords = 220
	descWordsSigma  = 0.8
	firstBudgetYear = 2012
	lastBudgetYear  = 2026
	maxRefSequence  = 9999
)

// PopulationFunc returns the population a proposal of municipality code in
// budget year divides by (domain.MunicipalityStore.PopulationFor's rule).
type PopulationFunc func(code string, year int) (domain.PopulationFigure, error)

// Corpus generates a deterministic sequence of realistic published Danish
// proposals: real municipalities (larger ones write more), every policy
// area and measure type, Danish text with compounds and inflections in
// Zipf-like frequencies, savings profiles and 80–1,500-word descriptions.
type Corpus struct {
	r      *rand.Rand
	w      *writer
	munis  []domain.Municipality
	weight []float64 // cumulative municipality weights
	pop    PopulationFunc
	seq    map[int]int // last ref sequence per budget year
	areas  []string
}

// NewCorpus returns the generator of seed over munis.
func NewCorpus(seed uint64, munis []domain.Municipality, pop PopulationFunc) *Corpus {
	r := rand.New(rand.NewPCG(seed, 0x1deba4c))
	towns := make([]string, len(munis))
	weight := make([]float64, len(munis))
	sum := 0.0
	for i, m := range munis {
		towns[i] = m.Name
		sum += math.Sqrt(float64(max(m.Population, 1)))
		weight[i] = sum
	}
	for i := range weight {
		weight[i] /= sum
	}
	areas := make([]string, 0, len(domain.PolicyAreas))
	for _, o := range domain.PolicyAreas {
		areas = append(areas, o.Value)
	}
	return &Corpus{r: r, w: newWriter(r, towns), munis: munis, weight: weight, pop: pop, seq: map[int]int{}, areas: areas}
}

// measureAffinity is the measure type most typical of a policy area.
var measureAffinity = map[string]string{
	"administration": "styring", "digitalisering": "digitalisering", "indkoeb": "indkoeb",
	"ejendomme-og-energi": "energi", "aeldre-og-sundhed": "forebyggelse", "handicap": "forebyggelse",
	"beskaeftigelse": "organisering", "transport-og-koersel": "samarbejde",
}

// Next returns the next proposal, published, with its figures computed.
func (c *Corpus) Next() (*domain.Proposal, error) {
	r := c.r
	area := c.areas[r.IntN(len(c.areas))]
	t := topic{v: areas[area]}
	m := c.munis[min(sort.SearchFloat64s(c.weight, r.Float64()), len(c.munis)-1)]
	year := c.budgetYear()
	published := time.Date(year-1, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(r.Int64N(int64(700 * 24 * time.Hour))))
	if published.After(corpusEpoch) {
		published = corpusEpoch.Add(-time.Duration(r.Int64N(int64(200 * 24 * time.Hour))))
	}
	created := published.Add(-time.Duration(1+r.IntN(60)) * 24 * time.Hour).Truncate(time.Microsecond)
	published = published.Truncate(time.Microsecond)
	submitted := published.Add(-24 * time.Hour)
	p := &domain.Proposal{
		ID:             c.id(created),
		Ref:            fmt.Sprintf("IB-%d-%04d", year, c.seq[year]),
		Status:         domain.StatusPublished,
		Version:        3,
		Title:          c.w.title(t),
		Summary:        c.w.summary(t),
		Description:    c.w.description(t, c.descWords(), domain.MaxDescriptionLen),
		PolicyArea:     area,
		MeasureType:    c.measureType(area),
		Municipality:   m.Ref(),
		BudgetYear:     year,
		ReducesService: r.IntN(100) < 15,
		EvidenceLevel:  pickWeighted(r, []string{"estimate", "decided", "realised", "evaluated"}, []int{35, 35, 20, 10}),
		Tags:           c.tags(t),
		Contact:        &domain.Contact{Role: municipalRoles[r.IntN(len(municipalRoles))], Email: fmt.Sprintf("okonomi@k%s.dk", m.Code)},
		CreatedAt:      created,
		UpdatedAt:      published,
		SubmittedAt:    &submitted,
		PublishedAt:    &published,
	}
	p.Savings, p.InvestmentDKK = c.savings(m, year)
	fig, err := c.pop(m.Code, year)
	if err != nil {
		return nil, fmt.Errorf("bench: population of %s in %d: %w", m.Code, year, err)
	}
	p.ApplyFigures(fig)
	return p, nil
}

// budgetYear picks a year, recent years a little more often, and takes
// the next ref sequence number of it.
func (c *Corpus) budgetYear() int {
	span := lastBudgetYear - firstBudgetYear + 1
	for {
		// Linear weights 1..2 across the span.
		y := firstBudgetYear + int(float64(span)*(math.Sqrt(1+3*c.r.Float64())-1))
		y = min(y, lastBudgetYear)
		if c.seq[y] < maxRefSequence {
			c.seq[y]++
			return y
		}
		if len(c.seq) == span && c.full() {
			panic("bench: corpus exceeds the ref sequences of every budget year")
		}
	}
}

func (c *Corpus) full() bool {
	for _, n := range c.seq {
		if n < maxRefSequence {
			return false
		}
	}
	return true
}

// descWords draws a description length in words.
func (c *Corpus) descWords() int {
	x := math.Exp(math.Log(medianDescWords) + descWordsSigma*c.r.NormFloat64())
	return int(min(max(x, minDescWords), maxDescWords))
}

func (c *Corpus) measureType(area string) string {
	if mt, ok := measureAffinity[area]; ok && c.r.IntN(2) == 0 {
		return mt
	}
	return domain.MeasureTypes[c.r.IntN(len(domain.MeasureTypes))].Value
}

// tags returns one to five distinct lower-case topic words.
func (c *Corpus) tags(t topic) []string {
	n := 1 + c.r.IntN(5)
	seen := map[string]bool{}
	var out []string
	for i := 0; i < n*2 && len(out) < n; i++ {
		var tag string
		if c.r.IntN(2) == 0 {
			tag = t.v.nouns[c.w.idx(len(t.v.nouns))].sg
		} else {
			tag = c.w.compound(t).sg
		}
		tag = strings.ToLower(clip(tag, domain.MaxTagLen))
		if !seen[tag] {
			seen[tag] = true
			out = append(out, tag)
		}
	}
	return out
}

// savings returns a phase-in profile of one to five years whose full
// effect scales with the municipality's size, and an investment.
func (c *Corpus) savings(m domain.Municipality, year int) ([]domain.Saving, int64) {
	r := c.r
	scale := math.Sqrt(float64(max(m.Population, 1000)) / 50000)
	full := math.Exp(math.Log(600_000)+1.1*r.NormFloat64()) * scale
	fullDKK := int64(min(max(full, 20_000), 80_000_000)/1000) * 1000
	years := 1 + r.IntN(5)
	out := make([]domain.Saving, years)
	for i := range out {
		share := math.Min(1, float64(i+1)/float64(max(years-1, 1)))
		out[i] = domain.Saving{Year: year + i, AmountDKK: int64(float64(fullDKK)*share/1000) * 1000}
	}
	out[years-1].AmountDKK = fullDKK
	var inv int64
	if r.IntN(10) >= 4 {
		inv = int64(float64(fullDKK)*(0.1+1.4*r.Float64())/1000) * 1000
	}
	return out, inv
}

// id returns a UUIDv7 for created whose random bits come from the seed.
func (c *Corpus) id(created time.Time) string {
	var b [16]byte
	binary.BigEndian.PutUint64(b[0:8], uint64(created.UnixMilli())<<16|c.r.Uint64()&0xffff)
	binary.BigEndian.PutUint64(b[8:16], c.r.Uint64())
	b[6] = (b[6] & 0x0f) | 0x70
	b[8] = (b[8] & 0x3f) | 0x80
	h := hex.EncodeToString(b[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

func pickWeighted(r *rand.Rand, values []string, weights []int) string {
	total := 0
	for _, w := range weights {
		total += w
	}
	x := r.IntN(total)
	for i, w := range weights {
		if x < w {
			return values[i]
		}
		x -= w
	}
	return values[len(values)-1]
}

// TextBytes returns the size of p's searchable text: title, summary,
// description and tags.
func TextBytes(p *domain.Proposal) int {
	n := len(p.Title) + len(p.Summary) + len(p.Description)
	for _, t := range p.Tags {
		n += len(t)
	}
	return n
}
