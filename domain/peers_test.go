package domain

import (
	"context"
	"errors"
	"slices"
	"testing"
)

func TestBandOf(t *testing.T) {
	tests := []struct {
		population int64
		want       string
	}{
		{1789, "Under 20.000 indbyggere"},
		{19999, "Under 20.000 indbyggere"},
		{20000, "20.000–39.999 indbyggere"},
		{59999, "40.000–59.999 indbyggere"},
		{60000, "60.000–99.999 indbyggere"},
		{100000, "100.000 indbyggere og derover"},
		{660000, "100.000 indbyggere og derover"},
	}
	for _, tt := range tests {
		if got := BandOf(tt.population).Label; got != tt.want {
			t.Errorf("BandOf(%d)=%q, want %q", tt.population, got, tt.want)
		}
	}
}

func memberCodes(g PeerGroup) []string {
	out := make([]string, len(g.Members))
	for i, m := range g.Members {
		out[i] = m.Code
	}
	return out
}

func TestPeerGroupOf(t *testing.T) {
	f := comparisonFixture()
	anchor, _ := findIn(f.munis, "250")
	tests := []struct {
		kind PeerKind
		want []string
	}{
		{PeerBand, []string{"151", "250", "253"}},
		{PeerRegion, []string{"101", "147", "151", "153", "155", "157", "159", "161", "250"}},
		// Roskilde (90.000) and Læsø (2.716) are both 43.642 from 46.358:
		// the tie goes to the lower code, so Læsø is left out.
		{PeerSimilar, []string{"151", "153", "155", "157", "159", "161", "250", "253", "259", "265", "350"}},
	}
	for _, tt := range tests {
		t.Run(string(tt.kind), func(t *testing.T) {
			if got := memberCodes(PeerGroupOf(f.munis, anchor, tt.kind)); !slices.Equal(got, tt.want) {
				t.Fatalf("members=%v, want %v", got, tt.want)
			}
		})
	}
}

func TestService_PeerGroups(t *testing.T) {
	svc := comparisonFixture().service()
	groups, err := svc.PeerGroups(context.Background(), "250", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(groups) != 3 || groups[1].Label != "Region Hovedstaden" || len(groups[2].Members) != SimilarSize+1 {
		t.Fatalf("groups=%+v", groups)
	}
	if _, err := svc.PeerGroups(context.Background(), "999", 0); !errors.Is(err, ErrNotFound) {
		t.Fatalf("unknown code: err=%v, want ErrNotFound", err)
	}
}

func TestService_MunicipalityStanding(t *testing.T) {
	svc := comparisonFixture().service()
	got, err := svc.MunicipalityStanding(context.Background(), "250")
	if err != nil {
		t.Fatal(err)
	}
	if got.PublishedCount != 2 || got.SumPerResidentOre != 2941 {
		t.Fatalf("profile=%+v", got.MunicipalityProfile)
	}
	if got.National != (Standing{Label: "Hele landet", Rank: 2, Of: 15}) {
		t.Fatalf("national=%+v", got.National)
	}
	want := []Standing{
		{Kind: PeerBand, Label: "40.000–59.999 indbyggere", Rank: 2, Of: 3},
		{Kind: PeerRegion, Label: "Region Hovedstaden", Rank: 1, Of: 9},
		{Kind: PeerSimilar, Label: "Frederikssund og de 10 kommuner nærmest i indbyggertal", Rank: 2, Of: 11},
	}
	if !slices.Equal(got.Peers, want) {
		t.Fatalf("peers=%+v, want %+v", got.Peers, want)
	}
}
