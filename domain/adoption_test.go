package domain

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestAdoptionInputValidate(t *testing.T) {
	tests := []struct {
		name    string
		in      AdoptionInput
		wantPtr []string
	}{
		{"OK", AdoptionInput{Status: AdoptionAdopted, ExpectedDKK: 100000, DecidedOn: "2025-02-01"}, nil},
		{"OKEmptyDates", AdoptionInput{Status: AdoptionConsidering}, nil},
		{"ErrUnknownStatus", AdoptionInput{Status: "maybe"}, []string{"/status"}},
		{"ErrNegativeAmounts", AdoptionInput{Status: AdoptionImplemented, ExpectedDKK: -1, RealisedDKK: -5}, []string{"/expected_dkk", "/realised_dkk"}},
		{"ErrLongNote", AdoptionInput{Status: AdoptionDropped, Note: strings.Repeat("æ", MaxAdoptionNote+1)}, []string{"/note"}},
		{"ErrBadDate", AdoptionInput{Status: AdoptionAdopted, DecidedOn: "1/2-2025"}, []string{"/decided_on"}},
		{"ErrImplementedBeforeDecided", AdoptionInput{Status: AdoptionImplemented, DecidedOn: "2025-05-01", ImplementedOn: "2025-04-30"}, []string{"/implemented_on"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := tt.in
			in.Normalize()
			if diff := cmp.Diff(tt.wantPtr, pointersOf(in.Validate())); diff != "" {
				t.Errorf("problems (-want +got):\n%s", diff)
			}
		})
	}
}

func pointersOf(err error) []string {
	var ptrs []string
	for _, p := range problemsOf(err) {
		ptrs = append(ptrs, p.Pointer)
	}
	return ptrs
}

func TestCheckAdoptable(t *testing.T) {
	pr := &Proposal{ID: "p", Status: StatusPublished, Municipality: MunicipalityRef{Code: "101"}}
	if err := CheckAdoptable(pr, "851"); err != nil {
		t.Fatalf("another municipality adopting a published proposal: %v", err)
	}
	if err := CheckAdoptable(pr, "101"); !isValidation(err) {
		t.Fatalf("own proposal: err = %v, want a validation error", err)
	}
	draft := *pr
	draft.Status = StatusDraft
	if err := CheckAdoptable(&draft, "851"); !errors.Is(err, ErrInvalidTransition) {
		t.Fatalf("draft: err = %v, want ErrInvalidTransition", err)
	}
}

func TestCanRecordAdoption(t *testing.T) {
	staff := Principal{Role: RoleStaff, MunicipalityCode: "851"}
	if !staff.CanRecordAdoption("851") || staff.CanRecordAdoption("101") {
		t.Error("staff must record adoptions for their own municipality only")
	}
	if !(Principal{Role: RoleEditor}).CanRecordAdoption("101") {
		t.Error("editors record adoptions for any municipality")
	}
	if Public.CanRecordAdoption("101") {
		t.Error("the public records no adoptions")
	}
}

func adoption(code string, s AdoptionStatus, expected int64) Adoption {
	return Adoption{ProposalID: "dup", Municipality: MunicipalityRef{Code: code}, Status: s, ExpectedDKK: expected}
}

func TestMergeAdoptions_KeepsOneRowPerMunicipality(t *testing.T) {
	from := []Adoption{
		adoption("101", AdoptionImplemented, 1), // further than the target's: replaces it
		adoption("147", AdoptionConsidering, 2), // not as far: the target's row stays
		adoption("151", AdoptionAdopted, 3),     // new to the target: moves
	}
	into := []Adoption{adoption("101", AdoptionAdopted, 10), adoption("147", AdoptionAdopted, 20)}
	got := MergeAdoptions("target", from, into)
	want := []Adoption{adoption("101", AdoptionImplemented, 1), adoption("151", AdoptionAdopted, 3)}
	for i := range want {
		want[i].ProposalID = "target"
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("writes (-want +got):\n%s", diff)
	}
}

func TestMunicipalityAdoptionsTotals_CountOnlyAdoptedAndImplemented(t *testing.T) {
	l := MunicipalityAdoptions{Items: []MunicipalityAdoption{
		{Adoption: Adoption{Status: AdoptionAdopted, ExpectedDKK: 100, RealisedDKK: 0}},
		{Adoption: Adoption{Status: AdoptionImplemented, ExpectedDKK: 200, RealisedDKK: 150}},
		{Adoption: Adoption{Status: AdoptionConsidering, ExpectedDKK: 999}},
		{Adoption: Adoption{Status: AdoptionDropped, ExpectedDKK: 999, RealisedDKK: 999}},
	}}
	l.Totals()
	if l.TotalExpectedDKK != 300 || l.TotalRealisedDKK != 150 || l.CountedItems != 2 {
		t.Errorf("totals = %d/%d over %d, want 300/150 over 2", l.TotalExpectedDKK, l.TotalRealisedDKK, l.CountedItems)
	}
	if got := AdoptedBy([]Adoption{adoption("101", AdoptionAdopted, 0), adoption("147", AdoptionDropped, 0)}); !cmp.Equal(got, []string{"101"}) {
		t.Errorf("AdoptedBy = %v, want [101]", got)
	}
}
