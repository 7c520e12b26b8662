package transfer

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"golang.org/x/text/encoding/charmap"

	"github.com/idebank/idebank/domain"
)

func TestDetect(t *testing.T) {
	tests := []struct {
		name, contentType, data string
		want                    Format
		wantErr                 bool
	}{
		{"XLSXByMagic", "application/octet-stream", "PK\x03\x04rest", FormatXLSX, false},
		{"JSONLByContentType", "application/x-ndjson; charset=utf-8", `{"title":"x"}`, FormatJSONL, false},
		{"JSONLSniffed", "", "\n{\"title\":\"x\"}\n", FormatJSONL, false},
		{"CSVByContentType", "text/csv", "title;summary", FormatCSV, false},
		{"CSVByExtension", ".csv", "title;summary", FormatCSV, false},
		{"CSVDefault", "", "title,summary", FormatCSV, false},
		{"ErrEmpty", "text/csv", " \n ", "", true},
		{"ErrOldExcel", "", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1....", "", true},
		{"ErrPDF", "application/pdf", "%PDF-1.7", "", true},
		{"ErrBinary", "", "ab\x00cd", "", true},
		{"ErrNotXLSX", ContentTypeXLSX, "title;summary", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Detect(tt.contentType, []byte(tt.data))
			var v *domain.ValidationError
			if tt.wantErr != errors.As(err, &v) || got != tt.want {
				t.Errorf("Detect = %q, %v; want %q, error %v", got, err, tt.want, tt.wantErr)
			}
		})
	}
}

const danishCSV = "external_key;title;summary;policy_area;measure_type;municipality_code;budget_year;savings_1;savings_2;investment_dkk;reduces_service;tags;contact_role;contact_email\n" +
	"kl-1;Fælles indkøb af bleer;Kommunerne køber ind sammen.;Ældre og sundhed;indkoeb;851;2024;1.234.567;2.000.000,00;250.000;nej;indkøb, ældre;Økonomi;oekonomi@aalborg.dk\n" +
	"\n" +
	"kl-2;\"Titel med ; semikolon\";\"Resumé over\nto linjer\";skole;andet;101;2025;100;;;ja;;;\n"

func TestReadCSV_DanishFormats(t *testing.T) {
	rows, err := ReadCSV([]byte(danishCSV))
	if err != nil {
		t.Fatal(err)
	}
	want := []domain.ImportRow{
		{Row: 2, Input: domain.ProposalInput{
			ExternalKey: "kl-1", Title: "Fælles indkøb af bleer", Summary: "Kommunerne køber ind sammen.",
			PolicyArea: "aeldre-og-sundhed", MeasureType: "indkoeb", MunicipalityCode: "851", BudgetYear: 2024,
			Savings:       []domain.Saving{{Year: 2024, AmountDKK: 1234567}, {Year: 2025, AmountDKK: 2000000}},
			InvestmentDKK: 250000, Tags: []string{"indkøb", " ældre"},
			Contact: &domain.Contact{Role: "Økonomi", Email: "oekonomi@aalborg.dk"},
		}},
		{Row: 3, Input: domain.ProposalInput{
			ExternalKey: "kl-2", Title: "Titel med ; semikolon", Summary: "Resumé over\nto linjer",
			PolicyArea: "skole", MeasureType: "andet", MunicipalityCode: "101", BudgetYear: 2025,
			Savings: []domain.Saving{{Year: 2025, AmountDKK: 100}}, ReducesService: true,
		}},
	}
	if diff := cmp.Diff(want, rows); diff != "" {
		t.Errorf("rows (-want +got):\n%s", diff)
	}
}

func TestReadCSV_Windows1252CommaSeparated(t *testing.T) {
	utf := strings.ReplaceAll(strings.ReplaceAll(danishCSV, ";", ","), "1.234.567,2.000.000,00", "1.234.567,2000000")
	utf = strings.Replace(utf, "indkøb, ældre", "indkøb", 1)
	utf = strings.Replace(utf, "Titel med , semikolon", "Titel med komma", 1)
	data, err := charmap.Windows1252.NewEncoder().Bytes([]byte(utf))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := ReadCSV(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0].Input.Title != "Fælles indkøb af bleer" || rows[0].Input.Savings[1].AmountDKK != 2000000 || len(rows[0].Problems) != 0 {
		t.Errorf("rows: %+v", rows)
	}
}

func TestReadCSV_FileProblems(t *testing.T) {
	tests := []struct {
		name, data string
		want       []string
	}{
		{"UnknownColumn", "external_key;title;summary;policy_area;measure_type;municipality_code;budget_year;savings_1;farve\n", []string{"/columns/9"}},
		{"MissingColumns", "title;summary\n", []string{"/columns", "/columns", "/columns", "/columns", "/columns", "/columns"}},
		{"DuplicateColumn", "external_key;title;title;summary;policy_area;measure_type;municipality_code;budget_year;savings_1\n", []string{"/columns/3"}},
		{"BrokenQuotes", "external_key;title;summary;policy_area;measure_type;municipality_code;budget_year;savings_1\nk;\"open;x;y;z;101;2025;1\n", []string{""}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadCSV([]byte(tt.data))
			var v *domain.ValidationError
			if !errors.As(err, &v) {
				t.Fatalf("err = %v, want a validation error", err)
			}
			var got []string
			for _, p := range v.Problems {
				got = append(got, p.Pointer)
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("problems (-want +got):\n%s\n%v", diff, v)
			}
		})
	}
}

func TestReadCSV_RowProblems(t *testing.T) {
	data := "external_key;title;summary;policy_area;measure_type;municipality_code;budget_year;savings_1;savings_2;savings_3;investment_dkk;reduces_service\n" +
		"k;Titel her;Resumé;skole;andet;101;2025;mange;;7;-1;måske\n"
	rows, err := ReadCSV([]byte(data))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range rows[0].Problems {
		got = append(got, p.Pointer)
	}
	want := []string{"/reduces_service", "/savings/0/amount_dkk", "/savings/1/amount_dkk"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("problems (-want +got):\n%s", diff)
	}
	if rows[0].Input.InvestmentDKK != -1 {
		t.Errorf("negative investment = %d; the domain reports it", rows[0].Input.InvestmentDKK)
	}
}

func TestReadJSONL(t *testing.T) {
	data := `{"external_key":"a","title":"Titel her","summary":"S","policy_area":"skole","measure_type":"andet","municipality":{"code":"101","name":"København"},"budget_year":2025,"savings":[{"year":2025,"amount_dkk":100}],"contact":{"role":"R","email":"r@kk.dk"},"per_resident_dkk":0.01,"status":"published"}
not json
{"external_key":"c","farve":"rød","budget_year":2025.5,"savings":[{"year":2025,"amount_dkk":"1.000"}]}
`
	rows, err := ReadJSONL([]byte(data))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 {
		t.Fatalf("%d rows, want 3", len(rows))
	}
	first := rows[0]
	if len(first.Problems) != 0 || first.Input.MunicipalityCode != "101" || first.Input.Contact.Email != "r@kk.dk" || first.Input.Savings[0].AmountDKK != 100 {
		t.Errorf("first row: %+v", first)
	}
	if len(rows[1].Problems) != 1 || rows[1].Row != 2 {
		t.Errorf("second row: %+v", rows[1])
	}
	var ptrs []string
	for _, p := range rows[2].Problems {
		ptrs = append(ptrs, p.Pointer)
	}
	if diff := cmp.Diff([]string{"/farve", "/budget_year"}, ptrs); diff != "" || rows[2].Input.Savings[0].AmountDKK != 1000 {
		t.Errorf("third row problems (-want +got):\n%s", diff)
	}
}

func TestRead_EmptyCSVHasNoRows(t *testing.T) {
	_, _, err := Read("text/csv", []byte("external_key;title;summary;policy_area;measure_type;municipality_code;budget_year;savings_1\n;;;\n"))
	var v *domain.ValidationError
	if !errors.As(err, &v) {
		t.Fatalf("err = %v, want a validation error", err)
	}
}

func proposalsForExport() []*domain.Proposal {
	published := testTime
	return []*domain.Proposal{{
		ID: "0190-a", Ref: "IB-2025-0001", Status: domain.StatusPublished, ExternalKey: "kl-1",
		Title: "Fælles indkøb", Summary: "Resumé; med semikolon", Description: "Linje 1\n\nLinje \"2\"",
		PolicyArea: "indkoeb", MeasureType: "indkoeb", Municipality: domain.MunicipalityRef{Code: "851", Name: "Aalborg", Region: "Region Nordjylland"},
		BudgetYear: 2025, Savings: []domain.Saving{{Year: 2025, AmountDKK: 1000}, {Year: 2026}, {Year: 2027, AmountDKK: 3000000}}, InvestmentDKK: 500,
		ReducesService: true, EvidenceLevel: "realised", Tags: []string{"indkøb", "bleer"},
		Contact: &domain.Contact{Role: "Indkøb", Email: "indkoeb@aalborg.dk"}, FullEffectDKK: 3000000,
		PopulationUsed: 120000, PopulationYear: 2025, PerResidentOre: 2500, AdoptionCount: 2, PublishedAt: &published,
	}, {
		ID: "0190-b", Ref: "IB-2025-0002", Status: domain.StatusPublished, Title: "Uden nøgle", Summary: "S",
		PolicyArea: "skole", MeasureType: "andet", Municipality: domain.MunicipalityRef{Code: "101"},
		BudgetYear: 2025, Savings: []domain.Saving{{Year: 2025, AmountDKK: 5}}, EvidenceLevel: "estimate", Tags: []string{},
	}}
}

// wantInputs is what an import of an export of ps must read back.
func wantInputs(ps []*domain.Proposal) []domain.ImportRow {
	out := make([]domain.ImportRow, len(ps))
	for i, p := range ps {
		in := p.Input()
		if len(in.Tags) == 0 {
			in.Tags = nil
		}
		out[i] = domain.ImportRow{Row: i + 2, ID: p.ID, Input: in}
	}
	return out
}

func TestExportReadsBack(t *testing.T) {
	ps := proposalsForExport()
	for _, f := range []Format{FormatCSV, FormatXLSX} {
		t.Run(string(f), func(t *testing.T) {
			var buf bytes.Buffer
			var err error
			if f == FormatCSV {
				err = WriteCSV(&buf, ps)
			} else {
				err = WriteXLSX(&buf, ps, ExportInfo{At: testTime, Sort: "newest", Filters: [][2]string{{"Fagområde", "Skole"}}})
			}
			if err != nil {
				t.Fatal(err)
			}
			rows, format, err := Read("", buf.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			if format != f {
				t.Errorf("format %s, want %s", format, f)
			}
			for i := range rows {
				rows[i].Input.Normalize()
			}
			if diff := cmp.Diff(wantInputs(ps), rows); diff != "" {
				t.Errorf("read back (-want +got):\n%s", diff)
			}
		})
	}
}
