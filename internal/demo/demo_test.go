package demo

import (
	"encoding/csv"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/idebank/idebank/domain"
)

// municipalitiesCSV is the project's copy of the municipality list.
const municipalitiesCSV = "../../store/refdata/municipalities.csv"

// demoMarker is the line that tells readers an item is demo data.
const demoMarker = "Demodata – fiktivt eksempel til afprøvning af Idébank."

// loadRegions returns the region of every municipality code in the CSV.
func loadRegions(t *testing.T) map[string]string {
	t.Helper()
	f, err := os.Open(municipalitiesCSV)
	if err != nil {
		t.Fatalf("open municipalities: %v", err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("read municipalities: %v", err)
	}
	regions := make(map[string]string, len(rows))
	for _, r := range rows[1:] {
		regions[r[0]] = r[2]
	}
	return regions
}

// checkItems asserts that every item passes the domain rules, has a
// reachable status and belongs to a municipality in the CSV.
func checkItems(t *testing.T, items []Item) {
	t.Helper()
	regions := loadRegions(t)
	for _, it := range items {
		if err := it.Check(); err != nil {
			t.Errorf("%v", err)
		}
		if _, ok := regions[it.MunicipalityCode]; !ok {
			t.Errorf("%s: municipality %s is not in %s", it.ExternalKey, it.MunicipalityCode, municipalitiesCSV)
		}
	}
}

func TestLoad_EveryItemPassesDomainValidation(t *testing.T) {
	items, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if len(items) < 60 {
		t.Fatalf("got %d demo items, want at least 60", len(items))
	}
	checkItems(t, items)
}

func TestLoad_CoversEveryAreaTypeRegionAndStatus(t *testing.T) {
	items, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	regions := loadRegions(t)
	areas, types, codes, inRegion := map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}
	statuses := map[domain.Status]int{}
	for _, it := range items {
		areas[it.PolicyArea] = true
		types[it.MeasureType] = true
		codes[it.MunicipalityCode] = true
		inRegion[regions[it.MunicipalityCode]] = true
		statuses[it.Status]++
	}
	for _, o := range domain.PolicyAreas {
		if !areas[o.Value] {
			t.Errorf("no demo item in policy area %s", o.Value)
		}
	}
	for _, o := range domain.MeasureTypes {
		if !types[o.Value] {
			t.Errorf("no demo item of measure type %s", o.Value)
		}
	}
	if len(codes) < 30 {
		t.Errorf("demo items come from %d municipalities, want at least 30", len(codes))
	}
	if len(inRegion) != 5 {
		t.Errorf("demo items cover %d regions, want 5", len(inRegion))
	}
	for _, s := range []domain.Status{domain.StatusDraft, domain.StatusSubmitted, domain.StatusPublished, domain.StatusRejected} {
		if statuses[s] == 0 {
			t.Errorf("no demo item with status %s", s)
		}
	}
	if statuses[domain.StatusPublished] < len(items)*3/4 {
		t.Errorf("only %d of %d demo items are published", statuses[domain.StatusPublished], len(items))
	}
}

func TestLoad_TextsAreMarkedAsDemoAndRealistic(t *testing.T) {
	items, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	for _, it := range items {
		if !strings.HasSuffix(it.Summary, "(Demodata)") || !strings.HasSuffix(it.Description, demoMarker) {
			t.Errorf("%s: summary or description is not marked as demo data", it.ExternalKey)
		}
		if n := len(strings.Fields(it.Description)); n < 80 || n > 400 {
			t.Errorf("%s: description has %d words, want 80–400", it.ExternalKey, n)
		}
		if !utf8.ValidString(it.Description) || !strings.ContainsAny(it.Description, "æøåÆØÅ") {
			t.Errorf("%s: description has no æ, ø or å", it.ExternalKey)
		}
		if n := len(it.Tags); n < 2 || n > 6 {
			t.Errorf("%s: %d tags, want 2–6", it.ExternalKey, n)
		}
		if it.BudgetYear < 2019 || it.BudgetYear > 2026 {
			t.Errorf("%s: budget year %d outside 2019–2026", it.ExternalKey, it.BudgetYear)
		}
		for _, s := range it.Savings {
			if s.AmountDKK < 50_000 || s.AmountDKK > 15_000_000 {
				t.Errorf("%s: saving %d kr. in %d outside 50.000–15.000.000", it.ExternalKey, s.AmountDKK, s.Year)
			}
		}
		if it.Contact == nil || !strings.Contains(it.Contact.Email, "@") {
			t.Errorf("%s: no contact mailbox", it.ExternalKey)
		}
	}
}

func TestLoad_FrederikssundProfileMatchesTheAPIExample(t *testing.T) {
	items, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	want := []SavingItem{{Year: 2025, AmountDKK: 300_000}, {Year: 2026, AmountDKK: 900_000}}
	for _, it := range items {
		if it.MunicipalityCode == "250" && len(it.Savings) == 2 && it.Savings[0] == want[0] && it.Savings[1] == want[1] {
			return
		}
	}
	t.Fatalf("no Frederikssund (250) item with savings %v", want)
}

func TestParse_RefusesUnknownFieldsAndDuplicateKeys(t *testing.T) {
	tests := []struct {
		name string
		json string
	}{
		{"unknown field", `[{"external_key":"a","ref":"IB-2025-0001"}]`},
		{"duplicate key", `[{"external_key":"a"},{"external_key":"a"}]`},
		{"missing key", `[{"title":"Uden nøgle"}]`},
		{"not an array", `{"external_key":"a"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := Parse([]byte(tt.json)); err == nil {
				t.Fatal("Parse succeeded, want an error")
			}
		})
	}
}
