package domain

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
)

// comparisonFixture is fifteen municipalities (Læsø's population is chosen
// so that it ties with Roskilde in distance from Frederikssund) and five
// published proposals plus one draft:
//
//	a1 250 Frederikssund 2024  900.000 kr / 46.358 = 19,41 kr./indb.
//	a2 101 København     2024  6.500.000 / 650.000 = 10,00
//	a3 151 Ballerup      2025  520.000 / 52.000    = 10,00
//	a4 253 Greve         2024  5.100.000 / 51.000  = 100,00 (reduces service)
//	a5 250 Frederikssund 2025  463.580 / 46.358    = 10,00 (skole)
func comparisonFixture() *comparisonFake {
	f := &comparisonFake{}
	for _, m := range []Municipality{
		{"101", "København", "Region Hovedstaden", 650000, 2024},
		{"147", "Frederiksberg", "Region Hovedstaden", 105000, 2024},
		{"151", "Ballerup", "Region Hovedstaden", 52000, 2024},
		{"153", "Brøndby", "Region Hovedstaden", 39000, 2024},
		{"155", "Dragør", "Region Hovedstaden", 14600, 2024},
		{"157", "Gentofte", "Region Hovedstaden", 75000, 2024},
		{"159", "Gladsaxe", "Region Hovedstaden", 70000, 2024},
		{"161", "Glostrup", "Region Hovedstaden", 24000, 2024},
		{"250", "Frederikssund", "Region Hovedstaden", 46358, 2024},
		{"253", "Greve", "Region Sjælland", 51000, 2024},
		{"259", "Køge", "Region Sjælland", 62000, 2024},
		{"265", "Roskilde", "Region Sjælland", 90000, 2024},
		{"350", "Lejre", "Region Sjælland", 28000, 2024},
		{"825", "Læsø", "Region Nordjylland", 2716, 2024},
		{"851", "Aalborg", "Region Nordjylland", 222000, 2024},
	} {
		f.munis = append(f.munis, m)
		f.figures = append(f.figures, PopulationFigure{Code: m.Code, Year: m.PopulationYear, Population: m.Population})
	}
	f.figures = append(f.figures, PopulationFigure{Code: "250", Year: 2023, Population: 46000})
	by := func(code string) Municipality { m, _ := findIn(f.munis, code); return m }
	a4 := published("a4", by("253"), 2024, 5100000, 51000)
	a4.ReducesService = true
	a5 := published("a5", by("250"), 2025, 463580, 46358)
	a5.PolicyArea = "skole"
	draft := published("d1", by("101"), 2024, 65000000, 650000)
	draft.Status = StatusDraft
	f.proposals = []*Proposal{
		published("a1", by("250"), 2024, 900000, 46358),
		published("a2", by("101"), 2024, 6500000, 650000),
		published("a3", by("151"), 2025, 520000, 52000),
		a4, a5, draft,
	}
	return f
}

func ids(ps []*Proposal) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.ID
	}
	return out
}

func TestService_RankProposals(t *testing.T) {
	svc := comparisonFixture().service()
	tests := []struct {
		name string
		f    ProposalRankFilter
		want []string
	}{
		{"leaves out reduced service and drafts, ties by ID", ProposalRankFilter{}, []string{"a1", "a2", "a3", "a5"}},
		{"includes reduced service on request", ProposalRankFilter{IncludeReducesService: true}, []string{"a4", "a1", "a2", "a3", "a5"}},
		{"limit", ProposalRankFilter{Limit: 2}, []string{"a1", "a2"}},
		{"policy area", ProposalRankFilter{PolicyAreas: []string{"skole"}}, []string{"a5"}},
		{"budget year", ProposalRankFilter{BudgetYears: []int{2025}}, []string{"a3", "a5"}},
		{"size band of Frederikssund", ProposalRankFilter{Scope: Scope{Municipalities: []string{"250"}, Peer: PeerBand}}, []string{"a1", "a3", "a5"}},
		{"region with nothing left", ProposalRankFilter{Scope: Scope{Regions: []string{"Region Sjælland"}}}, []string{}},
		{"region and peer group intersect", ProposalRankFilter{IncludeReducesService: true,
			Scope: Scope{Municipalities: []string{"250"}, Peer: PeerBand, Regions: []string{"Region Sjælland"}}}, []string{"a4"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := svc.RankProposals(context.Background(), tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(ids(got.Items), tt.want) {
				t.Fatalf("items=%v, want %v", ids(got.Items), tt.want)
			}
			if len(tt.want) > 0 && !slices.Equal(got.PopulationYears, []int{2024}) {
				t.Fatalf("population years=%v, want [2024]", got.PopulationYears)
			}
		})
	}
}

func TestService_RankProposals_Invalid(t *testing.T) {
	svc := comparisonFixture().service()
	tests := []struct {
		name    string
		f       ProposalRankFilter
		pointer string
	}{
		{"limit above 100", ProposalRankFilter{Limit: 101}, "/limit"},
		{"unknown policy area", ProposalRankFilter{PolicyAreas: []string{"rumfart"}}, "/policy_area"},
		{"budget year out of range", ProposalRankFilter{BudgetYears: []int{1999}}, "/budget_year"},
		{"unknown region", ProposalRankFilter{Scope: Scope{Regions: []string{"Region Skåne"}}}, "/region"},
		{"peer without municipality", ProposalRankFilter{Scope: Scope{Peer: PeerBand}}, "/municipality"},
		{"unknown peer kind", ProposalRankFilter{Scope: Scope{Peer: "size", Municipalities: []string{"250"}}}, "/peer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := svc.RankProposals(context.Background(), tt.f)
			var v *ValidationError
			if !errors.As(err, &v) || v.Problems[0].Pointer != tt.pointer {
				t.Fatalf("err=%v, want a problem at %s", err, tt.pointer)
			}
		})
	}
	t.Run("unknown municipality is not found", func(t *testing.T) {
		_, err := svc.RankProposals(context.Background(), ProposalRankFilter{Scope: Scope{Municipalities: []string{"999"}, Peer: PeerBand}})
		if !errors.Is(err, ErrNotFound) {
			t.Fatalf("err=%v, want ErrNotFound", err)
		}
	})
}

func rankCodes(items []MunicipalityRank) []string {
	out := make([]string, len(items))
	for i, r := range items {
		out[i] = r.Municipality.Code
	}
	return out
}

func TestService_RankMunicipalities(t *testing.T) {
	svc := comparisonFixture().service()
	t.Run("every budget year, ties by kroner then code", func(t *testing.T) {
		got, err := svc.RankMunicipalities(context.Background(), MunicipalityRankFilter{})
		if err != nil {
			t.Fatal(err)
		}
		want := []string{"253", "250", "101", "151", "147", "153", "155", "157", "159", "161", "259", "265", "350", "825", "851"}
		if !slices.Equal(rankCodes(got.Items), want) {
			t.Fatalf("order=%v, want %v", rankCodes(got.Items), want)
		}
		fs := got.Items[1]
		if fs.Rank != 2 || fs.ProposalCount != 2 || fs.SumPerResidentOre != 1941+1000 || fs.TotalDKK != 900000+463580 {
			t.Fatalf("Frederikssund=%+v", fs)
		}
		if last := got.Items[14]; last.Rank != 15 || last.ProposalCount != 0 || last.SumPerResidentOre != 0 {
			t.Fatalf("last=%+v", last)
		}
	})
	t.Run("one budget year uses its population", func(t *testing.T) {
		got, err := svc.RankMunicipalities(context.Background(), MunicipalityRankFilter{BudgetYear: 2023})
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got.PopulationYears, []int{2023, 2024}) {
			t.Fatalf("population years=%v, want [2023 2024]", got.PopulationYears)
		}
		for _, r := range got.Items {
			if r.ProposalCount != 0 {
				t.Fatalf("%s has %d proposals in 2023, want 0", r.Municipality.Code, r.ProposalCount)
			}
			if r.Municipality.Code == "250" && r.Municipality.Population != 46000 {
				t.Fatalf("Frederikssund population=%d, want the 2023 figure 46000", r.Municipality.Population)
			}
		}
	})
	t.Run("municipalities named twice count once", func(t *testing.T) {
		got, err := svc.RankMunicipalities(context.Background(), MunicipalityRankFilter{Scope: Scope{Municipalities: []string{"151", "250", "151"}}})
		if err != nil {
			t.Fatal(err)
		}
		if want := []string{"250", "151"}; !slices.Equal(rankCodes(got.Items), want) {
			t.Fatalf("order=%v, want %v", rankCodes(got.Items), want)
		}
	})
	t.Run("peer group", func(t *testing.T) {
		got, err := svc.RankMunicipalities(context.Background(), MunicipalityRankFilter{
			BudgetYear: 2025, Scope: Scope{Municipalities: []string{"250"}, Peer: PeerBand}})
		if err != nil {
			t.Fatal(err)
		}
		if want := []string{"151", "250", "253"}; !slices.Equal(rankCodes(got.Items), want) {
			t.Fatalf("order=%v, want %v", rankCodes(got.Items), want)
		}
		if got.Peer == nil || got.Peer.Label != "40.000–59.999 indbyggere" {
			t.Fatalf("peer=%+v", got.Peer)
		}
	})
}

// TestComputePotential_HandComputed works DI's method through five
// municipalities with the top 2 as benchmark:
//
//	rank code  sum (øre)  population
//	1    101   50.000     10.000   (top)
//	2    147   30.001     20.000   (top)
//	3    151   30.001      5.000   (ties 147 on sum, fewer kroner)
//	4    153   20.000     30.050
//	5    155        0     12.345
//
//	benchmark = (50.000 + 30.001) / 2 = 40.000,5 → 40.001 øre (half up)
//	151: (40.001 − 30.001) × 5.000 / 100  =   500.000    kr.
//	153: (40.001 − 20.000) × 30.050 / 100 = 6.010.300,5  → 6.010.301 kr.
//	155: (40.001 −      0) × 12.345 / 100 = 4.938.123,45 → 4.938.123 kr.
//	total = 500.000 + 6.010.301 + 4.938.123 = 11.448.424 kr.
func TestComputePotential_HandComputed(t *testing.T) {
	rank := func(r int, code string, sum, pop int64) MunicipalityRank {
		return MunicipalityRank{Rank: r, Municipality: Municipality{Code: code, Population: pop}, SumPerResidentOre: sum}
	}
	ranked := []MunicipalityRank{
		rank(1, "101", 50000, 10000),
		rank(2, "147", 30001, 20000),
		rank(3, "151", 30001, 5000),
		rank(4, "153", 20000, 30050),
		rank(5, "155", 0, 12345),
	}
	bench, items, total := computePotential(ranked, 2)
	if bench != 40001 {
		t.Fatalf("benchmark=%d øre, want 40001", bench)
	}
	if total != 11448424 {
		t.Fatalf("total=%d kr., want 11448424", total)
	}
	want := []struct {
		code      string
		potential int64
		inTop     bool
	}{{"153", 6010301, false}, {"155", 4938123, false}, {"151", 500000, false}, {"101", 0, true}, {"147", 0, true}}
	for i, w := range want {
		if g := items[i]; g.Municipality.Code != w.code || g.PotentialDKK != w.potential || g.InTop != w.inTop {
			t.Fatalf("item %d = %s %d top=%v, want %s %d top=%v", i, g.Municipality.Code, g.PotentialDKK, g.InTop, w.code, w.potential, w.inTop)
		}
	}
}

func TestService_Potential(t *testing.T) {
	svc := comparisonFixture().service()
	t.Run("within the size band of Frederikssund", func(t *testing.T) {
		// 253: 10.000 øre, 250: 1.941 + 1.000 = 2.941, 151: 1.000.
		// benchmark (10.000 + 2.941) / 2 = 6.470,5 → 6.471 øre;
		// 151: (6.471 − 1.000) × 52.000 / 100 = 2.844.920 kr.
		got, err := svc.Potential(context.Background(), PotentialFilter{Top: 2,
			MunicipalityRankFilter: MunicipalityRankFilter{Scope: Scope{Municipalities: []string{"250"}, Peer: PeerBand}}})
		if err != nil {
			t.Fatal(err)
		}
		if got.BenchmarkOre != 6471 || got.TotalDKK != 2844920 || got.Items[0].Municipality.Code != "151" {
			t.Fatalf("benchmark=%d total=%d first=%s", got.BenchmarkOre, got.TotalDKK, got.Items[0].Municipality.Code)
		}
		if m := got.Method(); !strings.Contains(m, "DI's metode") || !strings.Contains(m, "64,71 kr. pr. indbygger") || !strings.Contains(m, "40.000–59.999") {
			t.Fatalf("method=%q", m)
		}
	})
	t.Run("defaults to the top 10 nationally", func(t *testing.T) {
		got, err := svc.Potential(context.Background(), PotentialFilter{})
		if err != nil {
			t.Fatal(err)
		}
		// Top 10: 10.000 + 2.941 + 1.000 + 1.000 + six zeros = 14.941 → 1.494,1 → 1.494 øre.
		if got.Top != 10 || got.BenchmarkOre != 1494 || len(got.Items) != 15 {
			t.Fatalf("top=%d benchmark=%d items=%d", got.Top, got.BenchmarkOre, len(got.Items))
		}
	})
	t.Run("top must leave someone to compare", func(t *testing.T) {
		_, err := svc.Potential(context.Background(), PotentialFilter{Top: 3,
			MunicipalityRankFilter: MunicipalityRankFilter{Scope: Scope{Municipalities: []string{"250"}, Peer: PeerBand}}})
		var v *ValidationError
		if !errors.As(err, &v) || v.Problems[0].Pointer != "/top" {
			t.Fatalf("err=%v, want a problem at /top", err)
		}
	})
}
