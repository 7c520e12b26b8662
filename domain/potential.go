package domain

import (
	"cmp"
	"context"
	"fmt"
	"slices"
)

// DefaultPotentialTop is how many leading municipalities form the benchmark
// of the savings potential unless asked otherwise (as in DI's 2022 analysis).
const DefaultPotentialTop = 10

// PotentialFilter selects a savings-potential analysis.
type PotentialFilter struct {
	MunicipalityRankFilter
	Top int // 0 means DefaultPotentialTop; must be below the number of municipalities in scope
}

// PotentialItem is one municipality's savings potential in kroner a year.
type PotentialItem struct {
	MunicipalityRank
	InTop        bool // one of the municipalities that set the benchmark
	PotentialDKK int64
}

// Potential is the savings potential in DI's method [besparelsespotentiale]:
// what each municipality would save a year if it reached the average summed
// per-resident figure of the Top leading municipalities.
type Potential struct {
	Top             int
	BudgetYear      int // 0: every budget year
	PopulationYears []int
	Peer            *PeerGroup
	BenchmarkOre    int64 // average summed per-resident figure of the top, in øre
	TotalDKK        int64 // sum of every item's PotentialDKK
	Items           []PotentialItem
}

// Method describes in Danish how the potential was computed.
func (p *Potential) Method() string {
	scope := fmt.Sprintf("%d kommuner", len(p.Items))
	if p.Peer != nil {
		scope = fmt.Sprintf("de %d kommuner i sammenligningsgruppen »%s«", len(p.Items), p.Peer.Label)
	}
	years := "alle budgetår"
	if p.BudgetYear != 0 {
		years = fmt.Sprintf("budgetår %d", p.BudgetYear)
	}
	return fmt.Sprintf("Beregnet efter DI's metode blandt %s: For hver kommune lægges besparelsen pr. indbygger "+
		"ved fuld indfasning sammen for dens offentliggjorte forslag (%s). Benchmark er gennemsnittet af de %d "+
		"kommuner med den højeste sum: %s kr. pr. indbygger (afrundet til hele øre). For hver af de øvrige kommuner "+
		"er potentialet forskellen mellem benchmark og kommunens egen sum, når den er positiv, ganget med kommunens "+
		"indbyggertal og afrundet til hele kroner. Totalen er summen af kommunernes potentialer. Tallene er skøn "+
		"over en årlig besparelse, ikke budgetterede beløb.",
		scope, years, p.Top, FormatOre(p.BenchmarkOre))
}

// Potential computes the savings potential of every municipality in f's
// scope in DI's method.
func (s *Service) Potential(ctx context.Context, f PotentialFilter) (*Potential, error) {
	if f.Top == 0 {
		f.Top = DefaultPotentialTop
	}
	ranking, err := s.RankMunicipalities(ctx, f.MunicipalityRankFilter)
	if err != nil {
		return nil, err
	}
	if n := len(ranking.Items); f.Top < 1 || f.Top >= n {
		return nil, Invalid("/top", fmt.Sprintf("Antallet af førende kommuner skal være mellem 1 og %d, "+
			"så der er kommuner at sammenligne med (der er %d i udvalget).", max(n-1, 1), n))
	}
	p := &Potential{
		Top: f.Top, BudgetYear: ranking.BudgetYear, PopulationYears: ranking.PopulationYears, Peer: ranking.Peer,
	}
	p.BenchmarkOre, p.Items, p.TotalDKK = computePotential(ranking.Items, f.Top)
	return p, nil
}

// computePotential applies DI's method to a ranking (best first):
// benchmark = (sum of the top n summed per-resident figures) / n in øre,
// rounded half up; every other municipality's potential =
// max(0, benchmark − own sum) × population / 100 in kroner, rounded half up;
// total = sum of the potentials. Items come back by potential descending,
// then by rank.
func computePotential(ranked []MunicipalityRank, top int) (benchmarkOre int64, items []PotentialItem, totalDKK int64) {
	var sum int64
	for _, r := range ranked[:top] {
		sum += r.SumPerResidentOre
	}
	benchmarkOre = mulDivRound(sum, 1, int64(top))
	items = make([]PotentialItem, len(ranked))
	for i, r := range ranked {
		items[i] = PotentialItem{MunicipalityRank: r, InTop: i < top}
		if gap := benchmarkOre - r.SumPerResidentOre; !items[i].InTop && gap > 0 {
			items[i].PotentialDKK = mulDivRound(gap, r.Municipality.Population, 100)
			totalDKK += items[i].PotentialDKK
		}
	}
	slices.SortFunc(items, func(a, b PotentialItem) int {
		return cmp.Or(cmp.Compare(b.PotentialDKK, a.PotentialDKK), cmp.Compare(a.Rank, b.Rank))
	})
	return benchmarkOre, items, totalDKK
}
