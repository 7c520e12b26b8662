package domain

import (
	"strings"
	"testing"
	"time"
)

func validInput() ProposalInput {
	return ProposalInput{
		Title:            "Ruteoptimering i hjemmeplejen",
		Summary:          "Optimerede hjemmeplejeruter frigør tid.",
		PolicyArea:       "aeldre-og-sundhed",
		MeasureType:      "digitalisering",
		MunicipalityCode: "250",
		BudgetYear:       2025,
		Savings:          []Saving{{2025, 300000}, {2026, 900000}},
		Tags:             []string{" Hjemmepleje ", "hjemmepleje", "ruter"},
	}
}

func TestProposalInputNormalize(t *testing.T) {
	in := validInput()
	in.Title = "  " + in.Title + " "
	in.Normalize()
	if in.Title != "Ruteoptimering i hjemmeplejen" {
		t.Errorf("title not trimmed: %q", in.Title)
	}
	if got := strings.Join(in.Tags, ","); got != "hjemmepleje,ruter" {
		t.Errorf("tags = %q, want lower-cased and de-duplicated", got)
	}
	if in.EvidenceLevel != "estimate" {
		t.Errorf("evidence level default = %q, want estimate", in.EvidenceLevel)
	}
}

func TestProposalInputValidate(t *testing.T) {
	tests := []struct {
		name     string
		mutate   func(*ProposalInput)
		pointers []string
	}{
		{"valid", func(*ProposalInput) {}, nil},
		{"short title", func(in *ProposalInput) { in.Title = "Kort" }, []string{"/title"}},
		{"empty summary", func(in *ProposalInput) { in.Summary = "" }, []string{"/summary"}},
		{"unknown policy area", func(in *ProposalInput) { in.PolicyArea = "sport" }, []string{"/policy_area"}},
		{"bad municipality code", func(in *ProposalInput) { in.MunicipalityCode = "25" }, []string{"/municipality_code"}},
		{"budget year out of range", func(in *ProposalInput) { in.BudgetYear = 2009; in.Savings = []Saving{{2009, 1}} }, []string{"/budget_year"}},
		{"missing budget year does not blame every saving year", func(in *ProposalInput) { in.BudgetYear = 0 }, []string{"/budget_year"}},
		{"savings years not consecutive", func(in *ProposalInput) { in.Savings[1].Year = 2027 }, []string{"/savings/1/year"}},
		{"negative amount", func(in *ProposalInput) { in.Savings[0].AmountDKK = -1 }, []string{"/savings/0/amount_dkk"}},
		{"no savings", func(in *ProposalInput) { in.Savings = nil }, []string{"/savings"}},
		{"bad contact email", func(in *ProposalInput) { in.Contact = &Contact{Role: "Økonomi", Email: "nej"} }, []string{"/contact/email"}},
		{"every failing field at once", func(in *ProposalInput) {
			in.Title, in.Summary, in.MeasureType, in.InvestmentDKK = "", "", "x", -5
		}, []string{"/title", "/summary", "/measure_type", "/investment_dkk"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := validInput()
			tt.mutate(&in)
			in.Normalize()
			err := in.Validate()
			var got []string
			if ve, ok := err.(*ValidationError); ok {
				for _, p := range ve.Problems {
					if p.Detail == "" {
						t.Errorf("%s has no message", p.Pointer)
					}
					got = append(got, p.Pointer)
				}
			} else if err != nil {
				t.Fatalf("Validate returned %T, want *ValidationError", err)
			}
			if strings.Join(got, " ") != strings.Join(tt.pointers, " ") {
				t.Fatalf("failing fields = %v, want %v", got, tt.pointers)
			}
		})
	}
}

func TestApplyFigures(t *testing.T) {
	p := &Proposal{Savings: []Saving{{2025, 300000}, {2026, 900000}}, InvestmentDKK: 250000}
	p.ApplyFigures(PopulationFigure{Code: "250", Year: 2024, Population: 46358})
	if p.FullEffectDKK != 900000 || p.PerResidentOre != 1941 || p.PopulationYear != 2024 {
		t.Fatalf("figures = %d kr., %d øre, year %d", p.FullEffectDKK, p.PerResidentOre, p.PopulationYear)
	}
	if y, ok := p.PaybackYears(); !ok || y != 0.28 {
		t.Fatalf("payback = %v, %v; want 0.28", y, ok)
	}
}

func TestProposalPatchApply(t *testing.T) {
	base := validInput()
	base.Contact = &Contact{Role: "Økonomi", Email: "okonomi@frederikssund.dk"}
	title := "Ny titel for forslaget"
	got := ProposalPatch{Title: &title, ClearContact: true}.Apply(base)
	if got.Title != title || got.Contact != nil || got.Summary != base.Summary {
		t.Fatalf("patched input = %+v", got)
	}
}

func TestNewIDIsUUIDv7(t *testing.T) {
	id := NewID(timeForTest())
	if len(id) != 36 || id[14] != '7' {
		t.Fatalf("NewID = %q, want a UUIDv7", id)
	}
	if NewID(timeForTest()) == id {
		t.Fatal("two IDs are equal")
	}
}

func timeForTest() time.Time { return time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC) }
