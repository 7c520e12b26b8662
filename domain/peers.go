package domain

import (
	"cmp"
	"context"
	"fmt"
	"slices"
)

// PeerKind is a way of grouping comparable municipalities [kommuner som os].
type PeerKind string

// The kinds of peer group.
const (
	// PeerBand groups municipalities in the same population size band (SizeBands).
	PeerBand PeerKind = "band"
	// PeerRegion groups the municipalities of one region.
	PeerRegion PeerKind = "region"
	// PeerSimilar is a municipality with the SimilarSize municipalities
	// nearest to it by population.
	PeerSimilar PeerKind = "similar"
)

// PeerKinds lists the kinds of peer group in display order.
var PeerKinds = []PeerKind{PeerBand, PeerRegion, PeerSimilar}

// SimilarSize is how many municipalities nearest by population (besides the
// municipality itself) form its "similar size" group; ties in the distance
// go to the lower code.
const SimilarSize = 10

// SizeBand is a population size band: Min ≤ population < Max (Max 0 means
// no upper limit).
type SizeBand struct {
	Min, Max int64
	Label    string
}

// SizeBands are the population size bands, in residents on 1 January. With
// the 2024 figures they hold 9, 29, 36, 16 and 8 municipalities.
var SizeBands = []SizeBand{
	{0, 20_000, "Under 20.000 indbyggere"},
	{20_000, 40_000, "20.000–39.999 indbyggere"},
	{40_000, 60_000, "40.000–59.999 indbyggere"},
	{60_000, 100_000, "60.000–99.999 indbyggere"},
	{100_000, 0, "100.000 indbyggere og derover"},
}

// BandOf returns the size band of a population.
func BandOf(population int64) SizeBand {
	for _, b := range SizeBands {
		if population < b.Max || b.Max == 0 {
			return b
		}
	}
	return SizeBands[len(SizeBands)-1]
}

// PeerGroup is a municipality (the anchor) with the municipalities it is
// compared with, the anchor included.
type PeerGroup struct {
	Kind    PeerKind
	Label   string // Danish description of the group
	Anchor  Municipality
	Members []Municipality // by code
}

// PeerGroupOf returns the kind group of anchor among all municipalities,
// using the populations in all.
func PeerGroupOf(all []Municipality, anchor Municipality, kind PeerKind) PeerGroup {
	g := PeerGroup{Kind: kind, Anchor: anchor}
	var keep func(Municipality) bool
	switch kind {
	case PeerBand:
		band := BandOf(anchor.Population)
		g.Label = band.Label
		keep = func(m Municipality) bool { return BandOf(m.Population) == band }
	case PeerRegion:
		g.Label = anchor.Region
		keep = func(m Municipality) bool { return m.Region == anchor.Region }
	case PeerSimilar:
		g.Label = fmt.Sprintf("%s og de %d kommuner nærmest i indbyggertal", anchor.Name, SimilarSize)
		near := nearestByPopulation(all, anchor, SimilarSize)
		keep = func(m Municipality) bool { return m.Code == anchor.Code || near[m.Code] }
	}
	for _, m := range all {
		if keep(m) {
			g.Members = append(g.Members, m)
		}
	}
	slices.SortFunc(g.Members, func(a, b Municipality) int { return cmp.Compare(a.Code, b.Code) })
	return g
}

// nearestByPopulation returns the codes of the n municipalities other than
// anchor whose population is nearest to anchor's, ties by code.
func nearestByPopulation(all []Municipality, anchor Municipality, n int) map[string]bool {
	others := make([]Municipality, 0, len(all))
	for _, m := range all {
		if m.Code != anchor.Code {
			others = append(others, m)
		}
	}
	dist := func(m Municipality) int64 {
		d := m.Population - anchor.Population
		if d < 0 {
			return -d
		}
		return d
	}
	slices.SortFunc(others, func(a, b Municipality) int {
		return cmp.Or(cmp.Compare(dist(a), dist(b)), cmp.Compare(a.Code, b.Code))
	})
	near := make(map[string]bool, n)
	for _, m := range others[:min(n, len(others))] {
		near[m.Code] = true
	}
	return near
}

// PeerGroups returns every peer group of municipality code, using the
// population that applies to budgetYear (0: the newest). It returns
// ErrNotFound for an unknown code.
func (s *Service) PeerGroups(ctx context.Context, code string, budgetYear int) ([]PeerGroup, error) {
	v := &ValidationError{}
	if budgetYear != 0 {
		checkBudgetYear(v, budgetYear)
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	all, err := s.municipalitiesIn(ctx, budgetYear)
	if err != nil {
		return nil, err
	}
	anchor, err := findIn(all, code)
	if err != nil {
		return nil, err
	}
	groups := make([]PeerGroup, len(PeerKinds))
	for i, k := range PeerKinds {
		groups[i] = PeerGroupOf(all, anchor, k)
	}
	return groups, nil
}

// findIn returns the municipality with code, or ErrNotFound.
func findIn(all []Municipality, code string) (Municipality, error) {
	for _, m := range all {
		if m.Code == code {
			return m, nil
		}
	}
	return Municipality{}, fmt.Errorf("domain: municipality %q: %w", code, ErrNotFound)
}

// isZero reports whether sc restricts nothing.
func (sc Scope) isZero() bool {
	return len(sc.Municipalities) == 0 && len(sc.Regions) == 0 && sc.Peer == ""
}

// checkScope adds the problems of sc's shape.
func checkScope(v *ValidationError, sc Scope) {
	for _, code := range sc.Municipalities {
		if !isMunicipalityCode(code) {
			v.Add("/municipality", fmt.Sprintf("Kommunekoden %q skal have tre cifre, fx 101.", code))
		}
	}
	for _, r := range sc.Regions {
		if !slices.Contains(Regions, r) {
			v.Add("/region", fmt.Sprintf("Ukendt region: %s.", r))
		}
	}
	if sc.Peer == "" {
		return
	}
	if !slices.Contains(PeerKinds, sc.Peer) {
		v.Add("/peer", "Sammenligningsgruppen skal være band, region eller similar.")
	}
	if len(sc.Municipalities) != 1 {
		v.Add("/municipality", "Angiv præcis én kommune, som sammenligningsgruppen skal bygges om.")
	}
}

// applyScope returns the municipalities of all that sc selects (all of them
// when sc is zero) and the peer group used, if any. It returns ErrNotFound
// for an unknown municipality code. Call checkScope first.
func applyScope(all []Municipality, sc Scope) ([]Municipality, *PeerGroup, error) {
	members := all
	var peer *PeerGroup
	if len(sc.Municipalities) > 0 {
		members = make([]Municipality, 0, len(sc.Municipalities))
		for _, code := range sc.Municipalities {
			m, err := findIn(all, code)
			if err != nil {
				return nil, nil, err
			}
			if !slices.ContainsFunc(members, func(x Municipality) bool { return x.Code == code }) {
				members = append(members, m)
			}
		}
	}
	if sc.Peer != "" {
		g := PeerGroupOf(all, members[0], sc.Peer)
		members, peer = g.Members, &g
	}
	if len(sc.Regions) > 0 {
		members = slices.DeleteFunc(slices.Clone(members), func(m Municipality) bool {
			return !slices.Contains(sc.Regions, m.Region)
		})
	}
	return members, peer, nil
}

// resolveScope returns the municipalities sc selects, with the population
// that applies to year, and the peer group used; members is nil when sc
// restricts nothing.
func (s *Service) resolveScope(ctx context.Context, sc Scope, year int) ([]Municipality, *PeerGroup, error) {
	if sc.isZero() {
		return nil, nil, nil
	}
	all, err := s.municipalitiesIn(ctx, year)
	if err != nil {
		return nil, nil, err
	}
	return applyScope(all, sc)
}
